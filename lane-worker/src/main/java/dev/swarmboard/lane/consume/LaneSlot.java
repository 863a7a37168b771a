package dev.swarmboard.lane.consume;

import dev.swarmboard.lane.run.LaneOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.common.TopicIdPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lane slot: a share consumer of its own that acquires one task at a time ({@code record_limit},
 * {@code max.poll.records=1}), runs it on the lane executor, renews the task's acquisition lock every
 * renew interval while the lane runs, and acknowledges the outcome. Explicit acknowledgement forbids
 * polling while a delivered record is unacknowledged, and the broker hands a consumer no new record
 * while one it holds is still acquired, so one consumer per slot is what lets N lanes run at once.
 * Stopping lets the running lane finish within the grace period, then releases it.
 */
public final class LaneSlot implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LaneSlot.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    private static final Duration RENEWAL_POLL = Duration.ofMillis(100);
    private static final long WAIT_SLICE_MS = 50;

    private final ShareConsumer<String, byte[]> consumer;
    private final String topic;
    private final Function<ConsumerRecord<String, byte[]>, LaneOutcome> handler;
    private final ExecutorService lanes;
    private final Duration renewInterval;
    private final Duration shutdownGrace;
    private volatile boolean stopping;
    private volatile long graceDeadlineNanos;
    private volatile boolean polled;
    private volatile boolean running = true;
    private InFlightLane current;

    public LaneSlot(ShareConsumer<String, byte[]> consumer, String topic,
                    Function<ConsumerRecord<String, byte[]>, LaneOutcome> handler, ExecutorService lanes,
                    Duration renewInterval, Duration shutdownGrace) {
        this.consumer = consumer;
        this.topic = topic;
        this.handler = handler;
        this.lanes = lanes;
        this.renewInterval = renewInterval;
        this.shutdownGrace = shutdownGrace;
    }

    @Override
    public void run() {
        consumer.setAcknowledgementCommitCallback(this::onAcknowledged);
        consumer.subscribe(List.of(topic));
        try {
            while (!stopping || current != null) {
                if (current != null && (current.held || current.lost)) {
                    awaitLane();
                } else {
                    poll();
                }
            }
        } catch (RuntimeException e) {
            LOG.error("lane slot stopped by an unexpected error", e);
        } finally {
            running = false;
            consumer.close(Duration.ofSeconds(30));
        }
    }

    /** Asks the slot to stop: no new task is taken; the running lane gets the shutdown grace, then is released. */
    public void stop() {
        graceDeadlineNanos = System.nanoTime() + shutdownGrace.toNanos();
        stopping = true;
        consumer.wakeup();
    }

    /** True until the slot's loop has ended. */
    public boolean isRunning() {
        return running;
    }

    /** True once the slot has polled, so it is in the share group. */
    public boolean isReady() {
        return polled && running;
    }

    private void poll() {
        try {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(current == null ? IDLE_POLL : RENEWAL_POLL)) {
                take(record);
            }
            polled = true;
        } catch (WakeupException e) {
            // stop() woke the poll; the loop condition decides what happens next.
        }
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        if (current != null && current.is(record)) {
            current.held = true;
        } else if (current == null && !stopping) {
            current = new InFlightLane(record, lanes.submit(() -> handler.apply(record)), renewDue());
        } else {
            // A lock this slot lost, or a task arriving during shutdown: let another delivery have it.
            consumer.acknowledge(record, AcknowledgeType.RELEASE);
        }
    }

    private void awaitLane() {
        InFlightLane lane = current;
        while (!lane.lane.isDone() && System.nanoTime() < waitLimit(lane)) {
            try {
                lane.lane.get(WAIT_SLICE_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException | CancellationException e) {
                // Looped on: the lane's end or the wait limit decides.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
            }
        }
        if (lane.lane.isDone()) {
            finish(lane, outcomeOf(lane));
        } else if (stopping && System.nanoTime() >= graceDeadlineNanos) {
            lane.lane.cancel(true);
            finish(lane, LaneOutcome.release("shutdown grace ended before the lane did"));
        } else if (lane.held) {
            consumer.acknowledge(lane.record, AcknowledgeType.RENEW);
            lane.held = false;
            lane.renewDueNanos = renewDue();
        } else {
            // Lost: keep polling so the consumer stays in the group while the lane runs out.
            lane.renewDueNanos = renewDue();
            poll();
        }
    }

    private long waitLimit(InFlightLane lane) {
        return stopping ? Math.min(lane.renewDueNanos, graceDeadlineNanos) : lane.renewDueNanos;
    }

    private void finish(InFlightLane lane, LaneOutcome outcome) {
        current = null;
        if (lane.lost) {
            LOG.warn("{} ended after its lock was lost; another delivery decides it: {}", describe(lane), outcome);
            return;
        }
        consumer.acknowledge(lane.record, outcome.acknowledgement());
        LOG.info("{} {}: {}", describe(lane), outcome.acknowledgement(), outcome.summary());
        if (stopping) {
            commitBeforeClose();
        }
    }

    private void commitBeforeClose() {
        try {
            consumer.commitSync();
        } catch (WakeupException e) {
            // The wakeup of stop() was still pending; it is spent now, so this commit goes through.
            consumer.commitSync();
        }
    }

    private static LaneOutcome outcomeOf(InFlightLane lane) {
        try {
            return lane.lane.get();
        } catch (ExecutionException e) {
            LOG.error("{} threw", describe(lane), e.getCause());
            return LaneOutcome.release("lane threw " + e.getCause());
        } catch (CancellationException | InterruptedException e) {
            return LaneOutcome.release("lane cancelled");
        }
    }

    private void onAcknowledged(Map<TopicIdPartition, Set<Long>> offsets, Exception error) {
        InFlightLane lane = current;
        if (error == null || lane == null) {
            return;
        }
        offsets.forEach((partition, acknowledged) -> {
            if (acknowledged.stream().anyMatch(offset -> lane.is(partition.topic(), partition.partition(), offset))) {
                LOG.warn("{} lost its acquisition lock: {}", describe(lane), error.getMessage());
                lane.lost = true;
            }
        });
    }

    private long renewDue() {
        return System.nanoTime() + renewInterval.toNanos();
    }

    private static String describe(InFlightLane lane) {
        return "task " + lane.record.key() + " at " + DeadLetterSink.coordinates(lane.record) + " (delivery "
                + lane.record.deliveryCount().orElse((short) 1) + ")";
    }
}
