package dev.swarmboard.lane.service;

import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.deadletter.DeadLetters;
import dev.swarmboard.lane.bench.ScriptedRegistry;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.BudgetExceeded;
import dev.swarmboard.schema.event.LaneYielded;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaneWorkerIT {

    private static final Duration LANE_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static LaneTestBed bed;
    private static LaneWorkerService worker;

    @BeforeAll
    static void startWorker() {
        bed = new LaneTestBed("lane-worker", 1);
        worker = bed.service("worker-1", ScriptedRegistry.write(dir.resolve("registry"), 0), 4,
                dir.resolve("workspace"));
        worker.start();
    }

    @AfterAll
    static void stopWorker() {
        worker.stop();
        bed.close();
    }

    private static List<String> awaitOutcome(String missionId) {
        await().atMost(LANE_TIMEOUT).until(() -> bed.types(missionId).stream()
                .anyMatch(type -> type.equals("LaneYielded") || type.equals("LaneFailed")));
        return bed.types(missionId);
    }

    @Test
    void shouldRunEveryStageThenTheTestsAndYieldAPassingLane() {
        // Given
        RunLane task = task("m-yield", lane("lane-a").setTools(List.of("unit-tests")).setRequireTestsGreen(true)
                .build()).build();

        // When
        bed.submit(task);

        // Then
        assertThat(awaitOutcome("m-yield")).containsExactly("LaneStarted", "StageStarted", "StageCompleted",
                "StageStarted", "StageCompleted", "StageStarted", "StageCompleted", "ToolReceipt", "LaneYielded");
        LaneYielded yielded = (LaneYielded) bed.events("m-yield").get(8).getPayload();
        assertThat(yielded.getChecks()).allMatch(CheckResult::getPassed);
        assertThat(yielded.getPassed()).isTrue();
        assertThat(worker.isReady()).isTrue();
    }

    @Test
    void shouldDeadLetterAnUndecodableTaskAndGoOnWithTheNext() {
        // Given garbage on the task topic, then a valid task
        bed.send("m-garbage/lane-x", "not avro".getBytes(StandardCharsets.UTF_8));
        bed.submit(task("m-after-garbage", lane("lane-a").build()).build());

        // Then the valid task yields and the garbage is a dead letter pointing at its offset
        assertThat(awaitOutcome("m-after-garbage")).endsWith("LaneYielded");
        await().atMost(LANE_TIMEOUT).until(() -> deadLetters().stream()
                .anyMatch(record -> "m-garbage/lane-x".equals(key(record))));
        ConsumerRecord<byte[], byte[]> letter = deadLetters().get(0);
        assertThat(header(letter, DeadLetters.TOPIC)).isEqualTo(bed.catalogue.laneTasks());
        assertThat(header(letter, DeadLetters.MESSAGE)).startsWith("BAD_MARKER");
        assertThat(letter.value()).isEqualTo("not avro".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldWriteBudgetExceededAndFailTheLaneClosed() {
        // Given a mission whose token budget cannot cover one call (max_tokens 500)
        RunLane task = task("m-budget", lane("lane-a").build()).setTokenBudget(100L).build();

        // When
        bed.submit(task);

        // Then
        assertThat(awaitOutcome("m-budget")).containsExactly("LaneStarted", "BudgetExceeded", "LaneFailed");
        BlackboardEvent exceeded = bed.events("m-budget").get(1);
        assertThat(((BudgetExceeded) exceeded.getPayload()).getLimit()).isEqualTo(100.0);
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                BlackboardReader.consumerProperties(bed.client),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(bed.catalogue.deadLetters(), 0);
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            long end = consumer.endOffsets(Set.of(partition)).get(partition);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
