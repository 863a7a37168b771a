package dev.swarmboard.lane.consume;

import dev.swarmboard.capability.Redactor;
import static dev.swarmboard.lane.LaneFixtures.CLOCK;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.codec.EventDecodeException;
import dev.swarmboard.lane.LaneFixtures;
import dev.swarmboard.lane.model.ModelProvider;
import dev.swarmboard.lane.run.BlackboardAccess;
import dev.swarmboard.lane.run.BlackboardUnavailable;
import dev.swarmboard.lane.run.InMemoryBlackboard;
import dev.swarmboard.lane.run.LaneOutcome;
import dev.swarmboard.lane.run.LaneRunner;
import dev.swarmboard.lane.tool.ToolRunner;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.LaneFailed;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaneTaskHandlerTest {

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
        return new LaneTaskHandler(codecs.laneTasks().codec(), runner, (record, error) -> deadLettered.add(error),
                "w-1", CLOCK);
    }

    private ConsumerRecord<String, byte[]> record(byte[] value) {
        return new ConsumerRecord<>("swarm.lane-tasks", 0, 7L, "m-1/lane-a", value);
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
        BlackboardAccess unreachable = new BlackboardAccess() {
            @Override
            public long endOffset(String missionId) {
                throw new BlackboardUnavailable("broker down", null);
            }

            @Override
            public List<BlackboardEvent> read(String missionId, long fromOffset, long toOffset) {
                throw new BlackboardUnavailable("broker down", null);
            }

            @Override
            public void append(BlackboardEvent event) {
                throw new BlackboardUnavailable("broker down", null);
            }
        };

        // When
        LaneOutcome outcome = handler(request -> {
            throw new AssertionError("no call without a blackboard");
        }).handle(record(codecs.laneTasks().codec().encode(task("lane-a"))), unreachable);

        // Then
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.RELEASE);
    }
}
