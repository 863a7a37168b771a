package dev.swarmboard.digest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.deadletter.DeadLetters;
import dev.swarmboard.digest.publish.DigestOutcome;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.DigestRejected;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import dev.swarmboard.verifier.bench.SyntheticMission;
import dev.swarmboard.verifier.service.BlackboardFixture;
import dev.swarmboard.verifier.service.VerifierConfig;
import dev.swarmboard.verifier.service.VerifierService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String PREFIX = KafkaFixture.uniqueName("digest-it") + ".";
    private static final TopicCatalogue CATALOGUE = TopicCatalogue.withPrefix(PREFIX);

    @TempDir
    static Path directories;

    private static VerifierService verifier;
    private static DigestService digest;
    private static BlackboardFixture blackboard;

    @BeforeAll
    static void startServices() {
        new TopicProvisioner(KafkaFixture.admin()).provision(CATALOGUE);
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", KafkaFixture.bootstrapServers(),
                "SWARM_TOPIC_PREFIX", PREFIX, "SWARM_VERIFIER_STATE_DIR", directories.resolve("state").toString());
        verifier = new VerifierService(VerifierConfig.fromEnvironment(env));
        verifier.start();
        digest = new DigestService(DigestConfig.fromEnvironment(env).withOutputDir(directories.resolve("reports")));
        digest.start();
        blackboard = new BlackboardFixture(KafkaFixture.bootstrapServers(), CATALOGUE);
        await().atMost(WAIT).until(() -> verifier.isReady() && digest.isHealthy());
    }

    @AfterAll
    static void stopServices() {
        digest.stop();
        verifier.stop();
        blackboard.close();
    }

    @Test
    void shouldPublishADigestAndItsFileAfterAPassAndNothingAfterAFail() throws Exception {
        // Given one mission whose lanes pass and one whose lane b fails
        blackboard.write(mission("m-pass", true));
        blackboard.write(mission("m-fail", false));

        // Then the passing mission gets one DigestPublished and its report file
        await().atMost(WAIT).until(() -> !blackboard.events("m-pass", "DigestPublished").isEmpty());
        DigestPublished published = (DigestPublished) blackboard.events("m-pass", "DigestPublished").get(0).getPayload();
        Path report = directories.resolve("reports").resolve("m-pass.md");
        assertThat(Files.readString(report)).isEqualTo(published.getMarkdown());
        assertThat(published.getReportPath()).isEqualTo(report.toString());
        assertThat(published.getVerdictEventId()).isEqualTo(
                blackboard.events("m-pass", "QuorumReached").get(0).getHeader().getEventId());

        // And the failing mission, once the digest has read past its FAIL verdict, has no digest at all
        await().atMost(WAIT).until(() -> !blackboard.events("m-fail", "QuorumReached").isEmpty());
        RecordedEvent failVerdict = blackboard.read("m-fail").events().stream()
                .filter(e -> e.type().equals("QuorumReached")).findFirst().orElseThrow();
        assertThat(((QuorumReached) failVerdict.event().getPayload()).getVerdict()).isEqualTo("FAIL");
        await().atMost(WAIT).until(() -> blackboard.committed(PREFIX + "digest")
                .getOrDefault(failVerdict.partition(), 0L) > failVerdict.offset());
        assertThat(blackboard.events("m-fail", "DigestPublished")).isEmpty();
        assertThat(blackboard.events("m-fail", "DigestRejected")).isEmpty();
    }

    @Test
    void shouldRefuseAMissionWithoutAPassVerdictWhateverItIsAsked() {
        // Given a mission still waiting for its last lane
        SyntheticMission waiting = new SyntheticMission("m-open", List.of("a", "b"), Instant.now(), Duration.ofHours(1));
        List<BlackboardEvent> events = new ArrayList<>(List.of(waiting.planIssued()));
        events.addAll(waiting.laneAttempt("a", 1, true));
        blackboard.write(events);

        // When a digest is requested for it
        DigestOutcome outcome = digest.requestDigest("m-open");

        // Then it is refused, on the blackboard too, and no report file exists
        assertThat(outcome).isInstanceOf(DigestOutcome.Reject.class);
        List<BlackboardEvent> rejected = blackboard.events("m-open", "DigestRejected");
        assertThat(rejected).hasSize(1);
        assertThat(((DigestRejected) rejected.get(0).getPayload()).getReasons()).extracting(Reason::getCode)
                .containsExactly("NO_PASS_VERDICT");
        assertThat(directories.resolve("reports").resolve("m-open.md")).doesNotExist();
    }

    @Test
    void shouldDeadLetterUndecodableRecordsAndKeepRunning() {
        // Given garbage on the blackboard
        String key = KafkaFixture.uniqueName("garbage");
        blackboard.writeRaw(key, "garbage".getBytes(StandardCharsets.UTF_8), System.currentTimeMillis(),
                new RecordHeaders());

        // Then the digest and the verifier each dead-letter it, naming themselves, and the digest keeps running
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(deadLetterServices(key)).containsExactlyInAnyOrder("digest", "verifier"));
        assertThat(digest.isHealthy()).isTrue();
    }

    private static List<String> deadLetterServices(String key) {
        Map<String, Object> properties = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
        List<String> services = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(CATALOGUE.deadLetters(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        var service = record.headers().lastHeader(DeadLetters.SERVICE);
                        assertThat(record.headers().lastHeader(DeadLetters.INSTANCE)).isNotNull();
                        services.add(service == null ? "unnamed" : new String(service.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return services;
    }

    private static List<BlackboardEvent> mission(String missionId, boolean passing) {
        SyntheticMission mission = new SyntheticMission(missionId, List.of("a", "b"), Instant.now(), Duration.ofHours(1));
        List<BlackboardEvent> events = new ArrayList<>(List.of(mission.planIssued()));
        events.addAll(mission.laneAttempt("a", 1, true));
        events.addAll(mission.laneAttempt("b", 1, passing));
        return events;
    }
}
