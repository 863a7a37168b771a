package dev.swarmboard.lane.run;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.RunLane;
import java.util.List;

/**
 * What a lane needs of the blackboard: read a mission's events by offset range and append events,
 * all or none, returning once the broker acknowledged them. Failures are {@link BlackboardUnavailable}.
 */
public interface BlackboardAccess {

    /**
     * The offset a reader of the task's mission starts at: the task's carried mission start, else the
     * mission index's, else 0.
     */
    long startOffset(RunLane task);

    /** The current end offset of the mission's partition. */
    long endOffset(String missionId);

    /** The mission's decodable events with offsets in {@code [fromOffset, toOffset)}, in log order. */
    List<BlackboardEvent> read(String missionId, long fromOffset, long toOffset);

    /**
     * Appends the events in order, atomically (one transaction: all are committed or none); returns once
     * they are acknowledged. A read-committed read sees them only once no transaction opened before them
     * on the same partition is still open; the lane does not wait for that (see {@link MissionView}).
     */
    void append(List<BlackboardEvent> events);

    /** Appends one event, as {@link #append(List)}. */
    default void append(BlackboardEvent event) {
        append(List.of(event));
    }
}
