package dev.swarmboard.lane.consume;

import dev.swarmboard.codec.EventDecodeException;
import dev.swarmboard.lane.run.AttemptBlackboard;
import dev.swarmboard.lane.run.AttemptBlackboards;
import dev.swarmboard.lane.run.AttemptFenced;
import dev.swarmboard.lane.run.BlackboardAccess;
import dev.swarmboard.lane.run.BlackboardUnavailable;
import dev.swarmboard.lane.run.LaneEvents;
import dev.swarmboard.lane.run.LaneOutcome;
import dev.swarmboard.lane.run.LaneRunner;
import dev.swarmboard.lane.run.MissionView;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.LaneFailed;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one task record into a lane outcome, never throwing: undecodable bytes (any decoding failure,
 * also an Error a hostile length raises) become a dead letter and a REJECT on their first delivery; the
 * last delivery the share group allows records a {@code DELIVERY_LIMIT} failure and a dead letter
 * instead of running the lane; a delivery fenced by a later one ends without an outcome; an unreachable
 * blackboard is a RELEASE; an unexpected error in the lane a LaneFailed with {@code INTERNAL_ERROR}.
 */
public final class LaneTaskHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LaneTaskHandler.class);

    private final Function<byte[], RunLane> decoder;
    private final LaneRunner runner;
    private final DeadLetterWriter deadLetters;
    private final String worker;
    private final Clock clock;
    private final LastDelivery lastDelivery;

    /**
     * @param deliveryLimit the share group's {@code share.delivery.count.limit}: its delivery only records the
     *                      failure
     */
    public LaneTaskHandler(Function<byte[], RunLane> decoder, LaneRunner runner, DeadLetterWriter deadLetters,
                           String worker, Clock clock, int deliveryLimit) {
        this.decoder = decoder;
        this.runner = runner;
        this.deadLetters = deadLetters;
        this.worker = worker;
        this.clock = clock;
        this.lastDelivery = new LastDelivery(deliveryLimit, deadLetters, worker, clock);
    }

    public LaneOutcome handle(ConsumerRecord<String, byte[]> record, AttemptBlackboards blackboards) {
        RunLane task;
        try {
            task = decoder.apply(record.value());
        } catch (EventDecodeException e) {
            return deadLetter(record, e, e.reason().name());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // Only the decoding of untrusted bytes is guarded this way: an allocation a hostile length asks
            // for fails without the heap being exhausted, so the worker goes on.
            return deadLetter(record, e, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        int delivery = record.deliveryCount().map(Short::intValue).orElse(1);
        try {
            if (lastDelivery.reached(delivery)) {
                return lastDelivery.recordFailure(record, task, delivery, blackboards);
            }
            try (AttemptBlackboard blackboard = blackboards.open(task, delivery)) {
                return run(task, delivery, blackboard);
            }
        } catch (AttemptFenced e) {
            LOG.warn("task {} delivery {} superseded: {}", task.getTaskId(), delivery, e.getMessage());
            return LaneOutcome.release("superseded by a later delivery: " + e.getMessage());
        } catch (BlackboardUnavailable e) {
            LOG.warn("task {} released: {}", task.getTaskId(), e.getMessage(), e);
            return LaneOutcome.release("blackboard unavailable: " + e.getMessage());
        }
    }

    private LaneOutcome run(RunLane task, int delivery, AttemptBlackboard blackboard) {
        try {
            return runner.run(task, delivery, blackboard);
        } catch (BlackboardUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("task {} failed unexpectedly in delivery {}", task.getTaskId(), delivery, e);
            return recordFailure(task, e, blackboard);
        }
    }

    private LaneOutcome deadLetter(ConsumerRecord<String, byte[]> record, Throwable error, String reason) {
        String where = DeadLetterSink.coordinates(record);
        try {
            deadLetters.send(record, error);
        } catch (KafkaException e) {
            LOG.warn("undecodable task at {} released: cannot dead-letter it: {}", where, e.getMessage());
            return LaneOutcome.release("cannot dead-letter " + where);
        }
        LOG.warn("undecodable task at {} dead-lettered: {}", where, reason);
        return LaneOutcome.reject("undecodable task at " + where + ": " + reason);
    }

    private LaneOutcome recordFailure(RunLane task, RuntimeException error, BlackboardAccess blackboard) {
        Reason reason = new Reason("INTERNAL_ERROR", "", error.getClass().getSimpleName() + ": " + error.getMessage(),
                List.of());
        try {
            MissionView.open(blackboard, task)
                    .append(new LaneEvents(task, worker, clock).terminal(new LaneFailed("", List.of(reason))));
            return LaneOutcome.accept("task " + task.getTaskId() + " failed: " + reason.getMessage());
        } catch (BlackboardUnavailable e) {
            return LaneOutcome.release("cannot record the failure of " + task.getTaskId());
        }
    }
}
