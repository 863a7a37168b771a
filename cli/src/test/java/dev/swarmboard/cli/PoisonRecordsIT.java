package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.blackboard.MissionPartition;
import dev.swarmboard.cli.stack.StackSettings;
import dev.swarmboard.cli.stack.SwarmStack;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.codec.LengthBomb;
import dev.swarmboard.deadletter.DeadLetters;
import dev.swarmboard.localkafka.LocalKafka;
import dev.swarmboard.localkafka.LocalKafkaConfig;
import dev.swarmboard.orchestrator.mission.MissionStatus;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.verifier.bench.SyntheticMission;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Hostile bytes on a real broker with every real service running: a record whose stored batch was
 * corrupted on disk (one flipped byte, broker restarted on the same data), and the 23-byte length
 * bomb on the blackboard and the missions topic. Every service dead-letters each with its
 * coordinates and stays healthy, a new mission on the corrupt partition completes, and replay tells
 * an unreadable record (divergence, exit 3) from foreign bytes under a key (exit 0, listed).
 */
class PoisonRecordsIT {

    @TempDir
    static Path dir;

    private static final String PREFIX = "poison.";
    private static final TopicCatalogue CATALOGUE = TopicCatalogue.withPrefix(PREFIX);
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path CAPABILITIES = REPO.resolve("examples/capabilities/offline.yaml");
    private static final String CORRUPTED_MISSION = "corrupted-1";

    private static LocalKafka kafka;
    private static Map<String, Object> client;
    private static SwarmStack stack;
    private static int corruptPartition;
    private static long corruptOffset;

    @BeforeAll
    static void corruptOneStoredRecordAndStartTheServices() throws Exception {
        // Given a broker keeping its data, and a mission of three events, each its own batch
        LocalKafkaConfig config = LocalKafkaConfig.defaults().withDataDir(dir.resolve("kafka"));
        kafka = new LocalKafka(config).start();
        client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        BlackboardSetup.provision(client, CATALOGUE);
        Codecs codecs = BlackboardSetup.prepare(client, CATALOGUE);
        corruptPartition = MissionPartition.of(CORRUPTED_MISSION, CATALOGUE.blackboardPartitions());
        SyntheticMission mission = new SyntheticMission(CORRUPTED_MISSION, List.of("a"), Instant.now(), Duration.ofHours(1));
        List<BlackboardEvent> events = new ArrayList<>(List.of(mission.planIssued()));
        events.addAll(mission.laneAttempt("a", 1, true).subList(0, 2));
        try (BlackboardWriter writer = BlackboardWriter.create(client, CATALOGUE, codecs, "poison-it")) {
            for (BlackboardEvent event : events) {
                writer.append(event).get();
            }
        }
        kafka.stop();

        // When one byte of the second stored batch is flipped on disk and the broker restarts on the data
        corruptOffset = flipAByteOfTheSecondBatch(segmentOf(CATALOGUE.blackboard() + "-" + corruptPartition));
        kafka = new LocalKafka(config).start();
        client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        StackSettings settings = new StackSettings(kafka.bootstrapServers(), dir, CAPABILITIES, null,
                dir.resolve("reports"), 1);
        Map<String, String> base = new HashMap<>(System.getenv());
        base.put("SWARM_TOPIC_PREFIX", PREFIX);
        base.put("SWARM_INSTANCE_ID", "poison-it");
        stack = SwarmStack.start(settings.environment(base), 1);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    void shouldCompleteAMissionOnTheCorruptPartitionDespiteLengthBombsAndDeadLetterEveryPoison() throws Exception {
        // Given a new mission whose id maps to the corrupt partition, and length bombs under its key
        String missionId = IntStream.range(0, 1000).mapToObj(i -> "after-corruption-" + i)
                .filter(id -> MissionPartition.of(id, CATALOGUE.blackboardPartitions()) == corruptPartition)
                .findFirst().orElseThrow();
        long blackboardBomb = send(CATALOGUE.blackboard(), missionId, LengthBomb.of(BlackboardEvent.getClassSchema()));
        long commandBomb = send(CATALOGUE.missions(), missionId, LengthBomb.of(dev.swarmboard.schema.MissionCommand.getClassSchema()));

        // When it is submitted and followed the way `swarm submit --wait` does
        SubmitMission submission = MissionCommand.validate(REPO.resolve("examples/missions/demo.yaml"), CAPABILITIES, null);
        submission.getMission().setMissionId(missionId);
        MissionStatus status = MissionCommand.submit(client, CATALOGUE, Codecs.create(), submission);
        MissionStatus end = MissionCommand.follow(client, CATALOGUE, Codecs.create(), missionId, status,
                Duration.ofSeconds(240), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        // Then it completes, every service stays healthy, and each poison is dead-lettered with its
        // coordinates by every service that reads its topic, each naming its instance
        assertThat(end.stage()).isEqualTo(MissionStatus.Stage.COMPLETED);
        assertThat(stack.healthy()).isTrue();
        String corrupt = CATALOGUE.blackboard() + "-" + corruptPartition + "@" + corruptOffset;
        String bomb = CATALOGUE.blackboard() + "-" + corruptPartition + "@" + blackboardBomb;
        String missionsPartition = CATALOGUE.missions() + "-"
                + MissionPartition.of(missionId, CATALOGUE.missionPartitions()) + "@" + commandBomb;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, List<String>> letters = deadLetterServicesBySource();
            assertThat(letters.get(corrupt)).contains("orchestrator/poison-it", "verifier/poison-it", "digest/poison-it");
            assertThat(letters.get(bomb)).contains("orchestrator/poison-it", "verifier/poison-it", "digest/poison-it");
            assertThat(letters.get(missionsPartition)).contains("orchestrator/poison-it");
        });
    }

    @Test
    void shouldReplayTheCorruptPartitionAsADivergenceNamingTheOffset() throws Exception {
        // When the mission whose stored record was corrupted is replayed
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = replay(CORRUPTED_MISSION, out);

        // Then replay diverges (exit 3) at the unreadable record's offset
        assertThat(exit).isEqualTo(ReplayCommand.DIVERGED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("REPLAY DIVERGED at " + CATALOGUE.blackboard()
                + "-" + corruptPartition + "@" + corruptOffset).contains("cannot be read");
    }

    @Test
    void shouldReplayFactsOkAndListForeignBytesUnderTheKeyWithWhereTheyWereDeadLettered() throws Exception {
        // Given a mission with one decodable event, on another partition, and a length bomb under its key
        String missionId = IntStream.range(0, 1000).mapToObj(i -> "foreign-" + i)
                .filter(id -> MissionPartition.of(id, CATALOGUE.blackboardPartitions()) != corruptPartition)
                .findFirst().orElseThrow();
        SyntheticMission mission = new SyntheticMission(missionId, List.of("a"), Instant.now(), Duration.ofHours(1));
        try (BlackboardWriter writer = BlackboardWriter.create(client, CATALOGUE, Codecs.create(), "poison-it")) {
            writer.append(mission.planIssued()).get();
        }
        long bomb = send(CATALOGUE.blackboard(), missionId, LengthBomb.of(BlackboardEvent.getClassSchema()));
        String coordinates = CATALOGUE.blackboard() + "-" + MissionPartition.of(missionId,
                CATALOGUE.blackboardPartitions()) + "@" + bomb;
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetterServicesBySource().getOrDefault(coordinates,
                List.of()).contains("orchestrator/poison-it"));

        // When it is replayed
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = replay(missionId, out);

        // Then the facts pass (exit 0) and the bomb is listed as a foreign record with its dead letters
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(text).contains("FOREIGN RECORDS").contains(coordinates + ": OVERSIZED")
                .contains("by orchestrator/poison-it").contains("REPLAY OK");
    }

    private static int replay(String missionId, ByteArrayOutputStream out) throws Exception {
        ReplayCommand replay = new ReplayCommand();
        new CommandLine(replay).parseArgs(missionId, "--bootstrap", kafka.bootstrapServers(), "--topic-prefix", PREFIX);
        return replay.replay(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private static long send(String topic, String key, byte[] value) throws Exception {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get().offset();
        }
    }

    /** Source coordinates of every dead letter, with the service/instance that wrote each. */
    private static Map<String, List<String>> deadLetterServicesBySource() {
        return DeadLetterSources.servicesBySource(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()), CATALOGUE.deadLetters());
    }


    private static Path segmentOf(String partitionDir) throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("kafka"))) {
            return files.filter(path -> path.getParent().getFileName().toString().equals(partitionDir))
                    .filter(path -> path.getFileName().toString().endsWith(".log"))
                    .findFirst().orElseThrow();
        }
    }

    /** Flips the last byte of the second record batch (inside its CRC-covered records); returns its offset. */
    private static long flipAByteOfTheSecondBatch(Path segment) throws IOException {
        byte[] log = Files.readAllBytes(segment);
        ByteBuffer buffer = ByteBuffer.wrap(log);
        int second = 12 + buffer.getInt(8);
        long baseOffset = buffer.getLong(second);
        int end = second + 12 + buffer.getInt(second + 8);
        log[end - 1] ^= 0x01;
        Files.write(segment, log);
        return baseOffset;
    }
}
