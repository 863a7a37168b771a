package dev.swarmboard.lane.consume;

import dev.swarmboard.lane.run.AttemptBlackboard;
import dev.swarmboard.lane.run.AttemptBlackboards;
import dev.swarmboard.lane.run.AttemptFenced;
import dev.swarmboard.lane.run.BlackboardAccess;
import dev.swarmboard.lane.run.BlackboardUnavailable;
import dev.swarmboard.lane.run.LaneEvents;
import dev.swarmboard.lane.run.LaneOutcome;
import dev.swarmboard.lane.run.MissionView;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.LaneFailed;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery the share group will not repeat. Whatever ends it — a crash, a lost lock, a release —
 * the broker archives the task, so nobody would be left to write the attempt's outcome. That delivery
 * is therefore kept in reserve: it does not run the lane but records {@code LaneFailed DELIVERY_LIMIT}
 * (unless the attempt already has an outcome) and a dead letter, retrying the write while the slot
 * keeps the lock renewed, so the round completes and the orchestrator's retry logic decides.
 */
final class LastDelivery {

    static final String REASON = "DELIVERY_LIMIT";
    private static final Logger LOG = LoggerFactory.getLogger(LastDelivery.class);
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final long RETRY_PAUSE_MS = 1_000;

    private final int limit;
    private final DeadLetterWriter deadLetters;
    private final String worker;
    private final Clock clock;

    LastDelivery(int limit, DeadLetterWriter deadLetters, String worker, Clock clock) {
        if (limit < 2) {
            throw new IllegalArgumentException("share.delivery.count.limit must be >= 2 (one run, one to record"
                    + " the failure), was " + limit);
        }
        this.limit = limit;
        this.deadLetters = deadLetters;
        this.worker = worker;
        this.clock = clock;
    }

    boolean reached(int deliveryCount) {
        return deliveryCount >= limit;
    }

    /** Opens the attempt and records its failure; throws {@link AttemptFenced} if a later delivery owns it. */
    LaneOutcome recordFailure(ConsumerRecord<String, byte[]> record, RunLane task, int delivery,
                              AttemptBlackboards blackboards) {
        String message = "the task was delivered " + delivery + " times (the share group's"
                + " share.delivery.count.limit is " + limit + ") without an outcome: its workers crashed, were"
                + " stopped or lost their lock; the last delivery records this failure instead of running the lane";
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try (AttemptBlackboard blackboard = blackboards.open(task, delivery)) {
                return record(record, task, message, blackboard);
            } catch (AttemptFenced e) {
                throw e;
            } catch (BlackboardUnavailable e) {
                if (System.nanoTime() > deadline || !pause()) {
                    LOG.error("task {} at its delivery limit: cannot record its failure for {} s; the broker"
                            + " archives it without an outcome", task.getTaskId(), PATIENCE.toSeconds(), e);
                    return LaneOutcome.release("cannot record the delivery limit of " + task.getTaskId());
                }
                LOG.warn("task {} at its delivery limit: retrying its failure record: {}", task.getTaskId(),
                        e.getMessage());
            }
        }
    }

    private LaneOutcome record(ConsumerRecord<String, byte[]> record, RunLane task, String message,
                               BlackboardAccess blackboard) {
        LaneEvents events = new LaneEvents(task, worker, clock);
        MissionView view = MissionView.open(blackboard, task);
        if (view.find(events.terminalId()).isPresent()) {
            return LaneOutcome.accept("task " + task.getTaskId() + " already has its outcome");
        }
        view.append(events.terminal(new LaneFailed("", List.of(new Reason(REASON, "", message, List.of())))));
        try {
            deadLetters.send(record, new DeliveryLimitReached(task.getTaskId() + ": " + message));
        } catch (KafkaException e) {
            LOG.warn("task {} failed at its delivery limit but cannot be dead-lettered: {}", task.getTaskId(),
                    e.getMessage());
        }
        LOG.warn("task {} failed at its delivery limit: {}", task.getTaskId(), message);
        return LaneOutcome.accept("task " + task.getTaskId() + " failed: " + REASON);
    }

    private static boolean pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE_MS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
