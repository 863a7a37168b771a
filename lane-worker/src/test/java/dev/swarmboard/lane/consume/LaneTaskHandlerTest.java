package dev.swarmboard.lane.consume;

import dev.swarmboard.capability.Redactor;
import static dev.swarmboard.lane.LaneFixtures.CLOCK;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.codec.EventDecodeException;
import dev.swarmboard.lane.LaneFixtures;
import dev.swarmboard.lane.model.ModelProvider;
import dev.swarmboard.lane.run.AttemptBlackboard;
import dev.swarmboard.lane.run.AttemptBlackboards;
import dev.swarmboard.lane.run.AttemptFenced;
import dev.swarmboard.lane.run.BlackboardAccess;
import dev.swarmboard.lane.run.BlackboardUnavailable;
import dev.swarmboard.lane.run.InMemoryBlackboard;
import dev.swarmboard.lane.run.LaneOutcome;
import dev.swarmboard.lane.run.LaneRunner;
import dev.swarmboard.lane.tool.ToolRunner;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.LaneFailed;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaneTaskHandlerTest {

    private static final int LIMIT = 3;

    private final Codecs codecs = Codecs.create();
    private final ExecutorService calls = Executors.newCachedThreadPool();
    private final List<Throwable> deadLettered = new CopyOnWriteArrayList<>();
    private final InMemoryBlackboard blackboard = new InMemoryBlackboard();

    @TempDir
    Path workspace;

    @AfterEach
    void stopCalls() {
        calls.shutdownNow();
    }

    private LaneTaskHandler handler(ModelProvider provider) {
        LaneRunner runner = new LaneRunner(LaneFixtures.registry(), provider, ToolRunner.forWorker(Redactor.NONE),
                calls, workspace, "w-1", CLOCK);
        return handler(runner, codecs.laneTasks().codec()::decode);
    }

    private LaneTaskHandler handler(LaneRunner runner, Function<byte[], RunLane> decoder) {
        return new LaneTaskHandler(decoder, runner, (record, error) -> deadLettered.add(error), "w-1", CLOCK,
                LIMIT);
    }

    private ConsumerRecord<String, byte[]> record(byte[] value) {
        return record(value, 1);
    }

    private ConsumerRecord<String, byte[]> record(byte[] value, int deliveryCount) {
        return new ConsumerRecord<>("swarm.lane-tasks", 0, 7L, 0L, TimestampType.CREATE_TIME, 0, value.length,
                "m-1/lane-a", value, new RecordHeaders(), Optional.empty(), Optional.of((short) deliveryCount));
    }

    private static BlackboardAccess unreachable() {
        return new BlackboardAccess() {
            @Override
            public long startOffset(RunLane task) {
                throw new BlackboardUnavailable("broker down", null);
            }

            @Override
            public long endOffset(String missionId) {
                throw new BlackboardUnavailable("broker down", null);
            }

            @Override
            public List<BlackboardEvent> read(String missionId, long fromOffset, long toOffset) {
                throw new BlackboardUnavailable("broker down", null);
            }

            @Override
            public void append(List<BlackboardEvent> events) {
                throw new BlackboardUnavailable("broker down", null);
            }
        };
    }

    @Test
    void shouldDeadLetterAndRejectBytesThatAreNotATask() {
        // When
        LaneOutcome outcome = handler(request -> {
            throw new AssertionError("no model call for garbage");
        }).handle(record(new byte[] {1, 2, 3}), blackboard);

        // Then
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.REJECT);
        assertThat(outcome.summary()).isEqualTo("undecodable task at swarm.lane-tasks-0@7: BAD_MARKER");
        assertThat(deadLettered).singleElement().isInstanceOf(EventDecodeException.class);
        assertThat(blackboard.types()).isEmpty();
    }

    @Test
    void shouldRecordAnUnexpectedErrorAsAnInternalFailureAndAccept() {
        // When a provider throws something no provider should
        LaneOutcome outcome = handler(request -> {
            throw new IllegalStateException("bug in a provider");
        }).handle(record(codecs.laneTasks().codec().encode(task("lane-a"))), blackboard);

        // Then
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.ACCEPT);
        assertThat(blackboard.payloads(LaneFailed.class)).singleElement().satisfies(failed ->
                assertThat(failed.getReasons().get(0).getMessage()).isEqualTo(
                        "IllegalStateException: bug in a provider"));
    }

    @Test
    void shouldReleaseWhenTheBlackboardIsUnreachable() {
        // Given
        BlackboardAccess unreachable = unreachable();

        // When
        LaneOutcome outcome = handler(request -> {
            throw new AssertionError("no call without a blackboard");
        }).handle(record(codecs.laneTasks().codec().encode(task("lane-a"))), (task, delivery) -> attempt(unreachable));

        // Then
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.RELEASE);
    }

    @Test
    void shouldDeadLetterAndRejectOnTheFirstDeliveryWhenDecodingRaisesAnError() {
        // Given a decoder that a hostile length drives out of memory
        LaneRunner runner = new LaneRunner(LaneFixtures.registry(), request -> {
            throw new AssertionError("no model call for a bomb");
        }, ToolRunner.forWorker(Redactor.NONE), calls, workspace, "w-1", CLOCK);
        LaneTaskHandler handler = handler(runner, bytes -> {
            throw new OutOfMemoryError("Java heap space");
        });

        // When
        LaneOutcome outcome = handler.handle(record(new byte[] {(byte) 0xc3, 1}), blackboard);

        // Then
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.REJECT);
        assertThat(outcome.summary()).isEqualTo(
                "undecodable task at swarm.lane-tasks-0@7: OutOfMemoryError: Java heap space");
        assertThat(deadLettered).singleElement().isInstanceOf(OutOfMemoryError.class);
        assertThat(blackboard.types()).isEmpty();
    }

    @Test
    void shouldRecordADeliveryLimitFailureInsteadOfRunningTheLastDelivery() {
        // When the task comes for the last time the share group allows
        LaneOutcome outcome = handler(request -> {
            throw new AssertionError("the last delivery runs no lane");
        }).handle(record(codecs.laneTasks().codec().encode(task("lane-a")), LIMIT), blackboard);

        // Then the attempt ends as a LaneFailed with the reason, and a dead letter
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.ACCEPT);
        assertThat(blackboard.types()).containsExactly("LaneFailed");
        assertThat(blackboard.payloads(LaneFailed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.getReasons().get(0).getCode()).isEqualTo("DELIVERY_LIMIT");
            assertThat(failed.getReasons().get(0).getMessage()).startsWith("the task was delivered 3 times");
        });
        assertThat(deadLettered).singleElement().isInstanceOf(DeliveryLimitReached.class);
    }

    @Test
    void shouldOnlyAcceptTheLastDeliveryOfAnAttemptThatHasItsOutcome() {
        // Given an attempt that ended in delivery 2 before its acknowledgement was lost
        LaneTaskHandler handler = handler(request -> {
            throw new IllegalStateException("bug in a provider");
        });
        byte[] task = codecs.laneTasks().codec().encode(task("lane-a"));
        handler.handle(record(task, 2), blackboard);
        List<String> before = blackboard.types();

        // When its last delivery comes
        LaneOutcome outcome = handler.handle(record(task, LIMIT), blackboard);

        // Then nothing more is written
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.ACCEPT);
        assertThat(blackboard.types()).isEqualTo(before);
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void shouldEndAFencedDeliveryWithoutAnOutcome() {
        // Given a later delivery of the attempt has taken over its writer
        AttemptBlackboards fenced = (task, delivery) -> {
            throw new AttemptFenced("delivery 2 was fenced while opening", null);
        };

        // When
        LaneOutcome outcome = handler(request -> {
            throw new AssertionError("a fenced delivery calls no model");
        }).handle(record(codecs.laneTasks().codec().encode(task("lane-a")), 2), fenced);

        // Then
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.RELEASE);
        assertThat(outcome.summary()).startsWith("superseded by a later delivery");
        assertThat(blackboard.types()).isEmpty();
    }

    private static AttemptBlackboard attempt(BlackboardAccess access) {
        return new AttemptBlackboard() {
            @Override
            public long startOffset(RunLane task) {
                return access.startOffset(task);
            }

            @Override
            public long endOffset(String missionId) {
                return access.endOffset(missionId);
            }

            @Override
            public List<BlackboardEvent> read(String missionId, long fromOffset, long toOffset) {
                return access.read(missionId, fromOffset, toOffset);
            }

            @Override
            public void append(List<BlackboardEvent> events) {
                access.append(events);
            }

            @Override
            public void close() {
                // Nothing to release.
            }
        };
    }
}
