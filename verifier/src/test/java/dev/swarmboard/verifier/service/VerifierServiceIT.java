package dev.swarmboard.verifier.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.MissionPartition;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path stateDirs;

    private final String prefix = KafkaFixture.uniqueName("verifier-it") + ".";
    private final TopicCatalogue catalogue = TopicCatalogue.withPrefix(prefix);
    private final List<VerifierService> started = new ArrayList<>();
    private BlackboardFixture blackboard;

    @AfterEach
    void stopAll() {
        started.forEach(VerifierService::stop);
        if (blackboard != null) {
            blackboard.close();
        }
    }

    @Test
    void shouldGiveTheSameVerdictBytesWhenAnInstanceStopsMidMissionAndAFreshOneTakesOver() {
        // Given a verifier that has folded the plan and two of three lanes
        VerifierService first = start("first");
        blackboard = new BlackboardFixture(KafkaFixture.bootstrapServers(), catalogue);
        SyntheticMission mission = new SyntheticMission("m-restart", List.of("a", "b", "c"), Instant.now(),
                Duration.ofHours(1));
        List<BlackboardEvent> firstHalf = new ArrayList<>(List.of(mission.planIssued()));
        firstHalf.addAll(mission.laneAttempt("a", 1, true));
        firstHalf.addAll(mission.laneAttempt("b", 1, true));
        blackboard.write(firstHalf);
        int partition = MissionPartition.of("m-restart", catalogue.blackboardPartitions());
        await().atMost(WAIT).until(() -> blackboard.committed(prefix + "verifier").getOrDefault(partition, 0L)
                >= firstHalf.size());

        // When it stops and an instance with an empty state directory takes over before the last lane yields
        first.stop();
        start("second");
        blackboard.write(mission.laneAttempt("c", 1, true));

        // Then one PASS verdict, byte-identical to what the replay of the log derives
        await().atMost(WAIT).until(() -> !blackboard.events("m-restart", "QuorumReached").isEmpty());
        MissionLog log = blackboard.read("m-restart");
        List<RecordedEvent> verdicts = log.events().stream().filter(e -> e.type().equals("QuorumReached")).toList();
        assertThat(verdicts).hasSize(1);
        assertThat(((QuorumReached) verdicts.get(0).event().getPayload()).getVerdict()).isEqualTo("PASS");
        List<byte[]> replayed = QuorumReplay.verdicts(log.events()).stream()
                .map(blackboard.codecs().events().codec()::encode).toList();
        assertThat(replayed).containsExactly(verdicts.get(0).value());
    }

    @Test
    void shouldFailARoundNamingTheFailingLane() {
        start("only");
        blackboard = new BlackboardFixture(KafkaFixture.bootstrapServers(), catalogue);
        SyntheticMission mission = new SyntheticMission("m-fail", List.of("a", "b"), Instant.now(), Duration.ofHours(1));
        List<BlackboardEvent> events = new ArrayList<>(List.of(mission.planIssued()));
        events.addAll(mission.laneAttempt("a", 1, true));
        events.addAll(mission.laneAttempt("b", 1, false));

        blackboard.write(events);

        await().atMost(WAIT).until(() -> !blackboard.events("m-fail", "QuorumReached").isEmpty());
        QuorumReached verdict = (QuorumReached) blackboard.events("m-fail", "QuorumReached").get(0).getPayload();
        assertThat(verdict.getVerdict()).isEqualTo("FAIL");
        assertThat(verdict.getFailingLanes()).containsExactly("b");
    }

    private VerifierService start(String instance) {
        VerifierConfig config = VerifierConfig.fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", KafkaFixture.bootstrapServers(),
                "SWARM_TOPIC_PREFIX", prefix,
                "SWARM_INSTANCE_ID", instance,
                "SWARM_VERIFIER_STATE_DIR", stateDirs.resolve(instance).toString()));
        new TopicProvisioner(KafkaFixture.admin()).provision(config.common().catalogue());
        VerifierService service = new VerifierService(config);
        started.add(service);
        service.start();
        await().atMost(WAIT).until(service::isReady);
        return service;
    }
}
