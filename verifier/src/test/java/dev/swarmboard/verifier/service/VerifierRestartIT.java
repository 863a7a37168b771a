package dev.swarmboard.verifier.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import dev.swarmboard.verifier.bench.SyntheticMission;
import dev.swarmboard.verifier.quorum.QuorumReplay;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A verifier JVM killed with SIGKILL mid-mission and started again on its state directory rejoins as
 * the same static member: verdicts resume well before the session timeout a new dynamic member would
 * wait for, and the verdict of the interrupted mission is the one the replay derives. How soon they
 * resume is shown by {@code swarm bench verifier-restart}, not asserted here.
 */
class VerifierRestartIT {

    // Longer than the 45 s default so that a loaded machine's slow JVM start cannot pass for a rejoin:
    // a dynamic member waits the whole timeout out after the kill, the static member none of it.
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration RESUMED_BEFORE = SESSION_TIMEOUT.minusSeconds(30);
    private static final Duration WAIT = SESSION_TIMEOUT.plusSeconds(30);

    @TempDir
    Path dir;

    private final String prefix = KafkaFixture.uniqueName("verifier-kill") + ".";
    private final TopicCatalogue catalogue = TopicCatalogue.withPrefix(prefix);
    private final List<Process> started = new ArrayList<>();
    private BlackboardFixture blackboard;

    @AfterEach
    void stopAll() throws Exception {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        if (blackboard != null) {
            blackboard.close();
        }
    }

    @Test
    void shouldResumeVerdictsSoonAfterASigkilledVerifierRestarts() throws Exception {
        // Given a verifier process that decided one mission and folded half of another
        new TopicProvisioner(KafkaFixture.admin()).provision(catalogue);
        blackboard = new BlackboardFixture(KafkaFixture.bootstrapServers(), catalogue);
        Process first = startVerifier("first.log");
        SyntheticMission warm = mission("m-warm", List.of("a"));
        blackboard.write(complete(warm));
        await().atMost(WAIT).until(() -> !blackboard.events("m-warm", "QuorumReached").isEmpty());
        SyntheticMission interrupted = mission("m-interrupted", List.of("a", "b"));
        List<BlackboardEvent> firstHalf = new ArrayList<>(List.of(interrupted.planIssued()));
        firstHalf.addAll(interrupted.laneAttempt("a", 1, true));
        blackboard.write(firstHalf);
        await().atMost(WAIT).until(() -> blackboard.committed(prefix + "verifier").values().stream()
                .mapToLong(Long::longValue).sum() >= complete(warm).size() + 1 + firstHalf.size());

        // When it is SIGKILLed and started again on the same state directory, and the missions go on
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long restarted = System.nanoTime();
        startVerifier("second.log");
        blackboard.write(interrupted.laneAttempt("b", 1, true));
        SyntheticMission fresh = mission("m-fresh", List.of("a"));
        blackboard.write(complete(fresh));

        // Then both verdicts come well within the session timeout, the interrupted one as the replay derives it
        await().atMost(WAIT).until(() -> !blackboard.events("m-fresh", "QuorumReached").isEmpty()
                && !blackboard.events("m-interrupted", "QuorumReached").isEmpty());
        Duration resumed = Duration.ofNanos(System.nanoTime() - restarted);
        System.out.printf("verifier verdicts resumed %.1f s after the SIGKILLed process was started again%n",
                resumed.toMillis() / 1000.0);
        assertThat(resumed).isLessThan(RESUMED_BEFORE);
        MissionLog log = blackboard.read("m-interrupted");
        List<RecordedEvent> verdicts = log.events().stream().filter(e -> e.type().equals("QuorumReached")).toList();
        assertThat(verdicts).hasSize(1);
        assertThat(((QuorumReached) verdicts.get(0).event().getPayload()).getVerdict()).isEqualTo("PASS");
        assertThat(QuorumReplay.verdicts(log.events()).stream().map(blackboard.codecs().events().codec()::encode))
                .containsExactly(verdicts.get(0).value());
    }

    private static SyntheticMission mission(String id, List<String> lanes) {
        return new SyntheticMission(id, lanes, Instant.now(), Duration.ofHours(1));
    }

    private static List<BlackboardEvent> complete(SyntheticMission mission) {
        List<BlackboardEvent> events = new ArrayList<>(List.of(mission.planIssued()));
        mission.plan().getLanes().forEach(lane -> events.addAll(mission.laneAttempt(lane.getLaneId(), 1, true)));
        return events;
    }

    private Process startVerifier(String log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                VerifierMain.class.getName()).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("SWARM_"));
        builder.environment().putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", KafkaFixture.bootstrapServers(),
                "KAFKA_SESSION_TIMEOUT_MS", Long.toString(SESSION_TIMEOUT.toMillis()),
                "SWARM_TOPIC_PREFIX", prefix, "SWARM_INSTANCE_ID", "killed-verifier",
                "SWARM_VERIFIER_STATE_DIR", dir.resolve("state").toString()));
        Process process = builder.start();
        started.add(process);
        return process;
    }
}
