package dev.swarmboard.cli.bench;

import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.verifier.bench.SyntheticMission;
import java.time.Duration;
import java.util.List;

/**
 * Missions that keep arriving while a verifier is stopped and restarted: one event of a one-lane
 * mission every interval, mission after mission, so a verifier killed at any moment is most likely
 * in the middle of a transaction.
 */
final class MissionTrickle implements AutoCloseable {

    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    MissionTrickle(BlackboardWriter writer, String prefix, Duration interval) {
        thread = new Thread(() -> trickle(writer, prefix, interval), "mission-trickle");
        thread.setDaemon(true);
        thread.start();
    }

    private void trickle(BlackboardWriter writer, String prefix, Duration interval) {
        try {
            for (int n = 0; running; n++) {
                List<BlackboardEvent> events = VerifierRestartBench.complete(
                        VerifierRestartBench.mission(prefix + "-" + n, List.of("a")));
                for (BlackboardEvent event : events) {
                    if (!running) {
                        return;
                    }
                    writer.append(event);
                    writer.flush();
                    Thread.sleep(interval.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(10).toMillis());
        if (failure != null) {
            throw new IllegalStateException("the background missions could not be written", failure);
        }
    }
}
