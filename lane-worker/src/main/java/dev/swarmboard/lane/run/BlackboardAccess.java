package dev.swarmboard.lane.run;

import dev.swarmboard.schema.BlackboardEvent;
import java.util.List;

/**
 * What a lane needs of the blackboard: read a mission's events by offset range and append an event,
 * returning once the broker acknowledged it. Failures are {@link BlackboardUnavailable}.
 */
public interface BlackboardAccess {

    /** The current end offset of the mission's partition. */
    long endOffset(String missionId);

    /** The mission's decodable events with offsets in {@code [fromOffset, toOffset)}, in log order. */
    List<BlackboardEvent> read(String missionId, long fromOffset, long toOffset);

    /**
     * Appends the event; returns once it is acknowledged. A read-committed read sees it only once no
     * transaction opened before it on the same partition is still open.
     */
    void append(BlackboardEvent event);
}
