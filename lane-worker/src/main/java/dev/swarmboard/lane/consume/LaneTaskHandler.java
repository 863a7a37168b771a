package dev.swarmboard.lane.consume;

import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.EventDecodeException;
import dev.swarmboard.lane.run.BlackboardAccess;
import dev.swarmboard.lane.run.BlackboardUnavailable;
import dev.swarmboard.lane.run.LaneEvents;
import dev.swarmboard.lane.run.LaneOutcome;
import dev.swarmboard.lane.run.LaneRunner;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.LaneFailed;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one task record into a lane outcome, never throwing: undecodable bytes become a dead letter and
 * a REJECT (so they cannot crash-loop); an unreachable blackboard a RELEASE; an unexpected error in the
 * lane a LaneFailed with {@code INTERNAL_ERROR} and an ACCEPT.
 */
public final class LaneTaskHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LaneTaskHandler.class);

    private final AvroCodec<RunLane> codec;
    private final LaneRunner runner;
    private final DeadLetterWriter deadLetters;
    private final String worker;
    private final Clock clock;

    public LaneTaskHandler(AvroCodec<RunLane> codec, LaneRunner runner, DeadLetterWriter deadLetters, String worker,
                           Clock clock) {
        this.codec = codec;
        this.runner = runner;
        this.deadLetters = deadLetters;
        this.worker = worker;
        this.clock = clock;
    }

    public LaneOutcome handle(ConsumerRecord<String, byte[]> record, BlackboardAccess blackboard) {
        RunLane task;
        try {
            task = codec.decode(record.value());
        } catch (EventDecodeException e) {
            return deadLetter(record, e);
        }
        int delivery = record.deliveryCount().map(Short::intValue).orElse(1);
        try {
            return runner.run(task, delivery, blackboard);
        } catch (BlackboardUnavailable e) {
            LOG.warn("task {} released: {}", task.getTaskId(), e.getMessage(), e);
            return LaneOutcome.release("blackboard unavailable: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("task {} failed unexpectedly in delivery {}", task.getTaskId(), delivery, e);
            return recordFailure(task, e, blackboard);
        }
    }

    private LaneOutcome deadLetter(ConsumerRecord<String, byte[]> record, EventDecodeException error) {
        String where = DeadLetterSink.coordinates(record);
        try {
            deadLetters.send(record, error);
        } catch (KafkaException e) {
            LOG.warn("undecodable task at {} released: cannot dead-letter it: {}", where, e.getMessage());
            return LaneOutcome.release("cannot dead-letter " + where);
        }
        LOG.warn("undecodable task at {} dead-lettered: {}", where, error.getMessage());
        return LaneOutcome.reject("undecodable task at " + where + ": " + error.reason());
    }

    private LaneOutcome recordFailure(RunLane task, RuntimeException error, BlackboardAccess blackboard) {
        Reason reason = new Reason("INTERNAL_ERROR", "", error.getClass().getSimpleName() + ": " + error.getMessage(),
                List.of());
        try {
            blackboard.append(new LaneEvents(task, worker, clock).terminal(new LaneFailed("", List.of(reason))));
            return LaneOutcome.accept("task " + task.getTaskId() + " failed: " + reason.getMessage());
        } catch (BlackboardUnavailable e) {
            return LaneOutcome.release("cannot record the failure of " + task.getTaskId());
        }
    }
}
