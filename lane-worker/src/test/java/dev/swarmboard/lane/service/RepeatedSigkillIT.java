package dev.swarmboard.lane.service;

import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.deadletter.DeadLetters;
import dev.swarmboard.lane.bench.ScriptedRegistry;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.LaneFailed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lane-worker JVMs killed with SIGKILL mid-lane, again and again: every attempt still ends with exactly
 * one counted outcome, and the task killed in every delivery that ran it ends as {@code DELIVERY_LIMIT}.
 */
class RepeatedSigkillIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> LANES = List.of("lane-a", "lane-b", "lane-c", "lane-d");
    private static final int LIMIT = 3;

    @TempDir
    Path dir;

    @Test
    void shouldCountExactlyOneOutcomePerAttemptWhenWorkersAreKilledMidLaneRepeatedly() throws Exception {
        try (LaneTestBed bed = new LaneTestBed("sigkill", 1);
             WorkerFleet fleet = new WorkerFleet(bed, ScriptedRegistry.write(dir.resolve("registry"), 1500), dir)) {
            // Given a share group that delivers a task three times at most, and three workers of two slots
            bed.deliveryLimit(LIMIT);
            for (int i = 1; i <= 3; i++) {
                fleet.start("w" + i, 2);
            }
            await().atMost(TIMEOUT).until(() -> ShareGroupScalingIT.members(bed.group) == 6);
            LANES.forEach(laneId -> bed.submit(task(mission(laneId), lane(laneId).setTools(List.of("unit-tests"))
                    .build()).build()));

            // When the worker running lane-a is killed in every delivery that runs it (taking its other lane along)
            List<String> killed = new ArrayList<>();
            for (int delivery = 1; delivery < LIMIT; delivery++) {
                String runner = awaitRunner(bed, mission("lane-a"), delivery);
                fleet.kill(runner);
                killed.add(runner);
                fleet.start("w" + (3 + delivery), 2);
            }

            // Then every attempt ends, each with exactly one outcome and no conflicting copy of any event
            await().atMost(TIMEOUT).until(() -> LANES.stream().allMatch(laneId -> !bed.terminals(mission(laneId)).isEmpty()));
            for (String laneId : LANES) {
                List<BlackboardEvent> terminals = bed.terminals(mission(laneId));
                assertThat(terminals).extracting(event -> event.getHeader().getEventId()).as(laneId).containsOnly(
                        terminals.get(0).getHeader().getEventId());
                assertThat(bed.conflictingCopies(mission(laneId))).as(laneId).isEmpty();
            }
            // and lane-a, run and killed in deliveries 1 and 2, failed in delivery 3 without running again
            assertThat(bed.starts(mission("lane-a"))).extracting(RepeatedSigkillIT::runnerOf).containsExactlyElementsOf(killed);
            BlackboardEvent failed = bed.terminals(mission("lane-a")).get(0);
            assertThat(failed.getPayload()).isInstanceOfSatisfying(LaneFailed.class, payload ->
                    assertThat(payload.getReasons().get(0).getCode()).isEqualTo("DELIVERY_LIMIT"));
            assertThat(deadLetterError(bed, mission("lane-a") + "/lane-a")).contains(
                    "dev.swarmboard.lane.consume.DeliveryLimitReached");
        }
    }

    private static String mission(String laneId) {
        return "m-kill-" + laneId;
    }

    /** The instance that started the mission's lane in the given delivery. */
    private static String awaitRunner(LaneTestBed bed, String missionId, int delivery) {
        return await().atMost(TIMEOUT).until(() -> bed.starts(missionId).stream()
                        .filter(start -> start.endsWith("#" + delivery)).findFirst().map(RepeatedSigkillIT::runnerOf),
                Optional::isPresent).orElseThrow();
    }

    /** The exception header of the first dead letter with the key, once there is one. */
    private static String deadLetterError(LaneTestBed bed, String key) {
        Map<String, Object> properties = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(bed.catalogue.deadLetters()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> errors = new ArrayList<>();
            await().atMost(TIMEOUT).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header exception = record.headers().lastHeader(DeadLetters.EXCEPTION);
                    if (key.equals(record.key()) && exception != null) {
                        errors.add(new String(exception.value(), StandardCharsets.UTF_8));
                    }
                }
                return !errors.isEmpty();
            });
            return errors.stream().collect(Collectors.joining(", "));
        }
    }

    /** The instance of a start as LaneTestBed#starts renders it, {@code lane-worker/<instance>#<delivery>}. */
    private static String runnerOf(String start) {
        return WorkerFleet.instanceOf(start.substring(0, start.lastIndexOf('#')));
    }
}
