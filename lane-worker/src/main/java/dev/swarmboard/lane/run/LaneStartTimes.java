package dev.swarmboard.lane.run;

import dev.swarmboard.schema.RunLane;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * Where one delivery's start went, from the orchestrator issuing the task to the delivery's first
 * committed write (LaneStarted): logged once as {@value #PREFIX} and {@code part=ms} pairs that
 * {@code swarm bench history} folds. {@code delivered}: the task's {@code issuedAt} to the delivery's
 * open (the plan's commit, the share fetch, the hand-over to the lane thread). On the fencer thread,
 * concurrently: {@code writer} (the attempt's producer created) and {@code fence} ({@code initTransactions}
 * and the producer's metadata). On the lane thread, in turn: {@code read} (the mission as committed at
 * the open), {@code fence_wait} (the rest of the fence), {@code stable} (the partition's committed end
 * after the fence, and what was committed meanwhile), {@code prepare} (the lane's work before its first
 * write), {@code commit} (that write's transaction); {@code total}: issue to commit. Milliseconds.
 */
public final class LaneStartTimes {

    public static final String PREFIX = "lane start timing";

    private final RunLane task;
    private final int delivery;
    private final long openedNanos;
    private final Map<String, Long> parts = new LinkedHashMap<>();
    private long lapNanos;

    private LaneStartTimes(RunLane task, int delivery, Instant openedAt, long openedNanos) {
        this.task = task;
        this.delivery = delivery;
        this.openedNanos = openedNanos;
        this.lapNanos = openedNanos;
        parts.put("delivered", openedAt.toEpochMilli() - task.getIssuedAt().toEpochMilli());
    }

    /** Starts timing a delivery being opened now. */
    static LaneStartTimes opening(RunLane task, int delivery) {
        return new LaneStartTimes(task, delivery, Instant.now(), System.nanoTime());
    }

    /** Records a part that ran on its own thread and took {@code nanos}. */
    synchronized void part(String name, long nanos) {
        parts.put(name, TimeUnit.NANOSECONDS.toMillis(nanos));
    }

    /** Records the time since the previous lap (or the open) as {@code name}. */
    synchronized void lap(String name) {
        long now = System.nanoTime();
        part(name, now - lapNanos);
        lapNanos = now;
    }

    /** The line logged for the delivery once its first write is committed. */
    synchronized String line() {
        StringJoiner line = new StringJoiner(" ", PREFIX + " mission=" + task.getMissionId() + " lane="
                + task.getLane().getLaneId() + " attempt=" + task.getAttempt() + " delivery=" + delivery + " ", "");
        parts.forEach((name, ms) -> line.add(name + "=" + ms));
        long sinceOpen = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openedNanos);
        line.add("total=" + (parts.get("delivered") + sinceOpen));
        return line.toString();
    }
}
