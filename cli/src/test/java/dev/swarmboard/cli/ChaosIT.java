package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.cli.chaos.ChaosRun;
import dev.swarmboard.cli.chaos.ChaosSettings;
import dev.swarmboard.schema.command.SubmitMission;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code swarm chaos} at CI size on a real broker: five demo missions (15 lanes, 20 attempts) with every
 * service in its own JVM, three lane-worker SIGKILLs, one each of verifier, orchestrator and digest, a
 * worker frozen past the share lock, a 20 s broker outage and poison on every input topic. Every check
 * holds, and no child process outlives the run.
 */
class ChaosIT {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void shouldHoldEveryGuaranteeUnderKillsAFreezeABrokerOutageAndPoison() throws Exception {
        // Given five copies of the demo mission with the offline models
        Path capabilities = REPO.resolve("examples/capabilities/offline.yaml");
        SubmitMission template = MissionCommand.validate(REPO.resolve("examples/missions/demo.yaml"), capabilities, null);
        ChaosSettings settings = new ChaosSettings(template, 5, 3, 4, 1, 3, Duration.ofSeconds(20),
                Duration.ofSeconds(15), Duration.ofSeconds(2), Duration.ofMinutes(7), dir, capabilities, "chaos.");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new Tee(printed, System.out), true, StandardCharsets.UTF_8);

        // When the chaos run injects every fault
        int exit = new ChaosRun(settings, out).run();

        // Then every check holds, each figure is printed, and no child process is left
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("fault: SIGKILL lane-worker-1", "fault: SIGKILL verifier", "fault: SIGKILL orchestrator",
                "fault: SIGKILL digest", "fault: SIGSTOP lane-worker-3", "fault: broker outage of 20 s");
        assertThat(text).containsPattern("lost lane attempts +0 of 2\\d dispatched +0 +OK")
                .containsPattern("event ids with different content +0 +0 +OK")
                .containsPattern("replay diverged +0 of 5")
                .containsPattern("poison records not dead-lettered +0 of 6 ");
        assertThat(exit).as(text).isZero();
        assertThat(text).contains("CHAOS OK");
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::info)
                .map(info -> info.commandLine().orElse("")).filter(line -> line.contains("SwarmCommand run")).findAny())
                .isEqualTo(Optional.empty());
    }

    /** Writes to both streams: the test reads what the run printed, and the log shows it live. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
