package dev.swarmboard.lane.run;

import dev.swarmboard.schema.RunLane;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * Where one delivery's start went, from the orchestrator issuing the task to the delivery's first
 * committed write (LaneStarted): logged once as {@value #PREFIX} followed by {@code part=ms} pairs that
 * {@code swarm bench} folds. {@code delivered} is the task's {@code issuedAt} to the open of the delivery
 * (the plan's commit, the share fetch, the hand-over to the lane thread); {@code fence} (the attempt's
 * producer created, {@code initTransactions}, its metadata) runs concurrently with {@code read} (the
 * mission read up to its end at the open); {@code opened} is the whole open, {@code stable} the wait for
 * the partition's committed end after the fence; {@code prepare} the lane's work before its first write;
 * {@code commit} that write's transaction; {@code total} issue to commit, in wall-clock milliseconds.
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
