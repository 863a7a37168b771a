package dev.swarmboard.missionindex;

/**
 * What one record of the mission index topic says: where a mission starts, from which offset a
 * blackboard partition is completely indexed, or why a record could not be understood.
 */
public sealed interface IndexEntry {

    /** The mission's events begin at or after {@code offset} on blackboard partition {@code partition}. */
    record Start(String missionId, int partition, long offset) implements IndexEntry {
    }

    /** Every mission whose first event is at or after {@code offset} on {@code partition} has a {@link Start}. */
    record IndexedFrom(int partition, long offset) implements IndexEntry {
    }

    /** A record under {@code key} that is neither; readers of that mission fall back to a scan. */
    record Malformed(String key, String reason) implements IndexEntry {
    }
}
