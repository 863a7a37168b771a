package dev.swarmboard.missionindex;

/**
 * What one record of the mission index topic says: where a mission starts, from which offset a
 * blackboard partition is completely indexed, a follow-up the orchestrator owes a mission after a
 * restart, or why a record could not be understood.
 */
public sealed interface IndexEntry {

    /** The mission's events begin at or after {@code offset} on blackboard partition {@code partition}. */
    record Start(String missionId, int partition, long offset) implements IndexEntry {
    }

    /** Every mission whose first event is at or after {@code offset} on {@code partition} has a {@link Start}. */
    record IndexedFrom(int partition, long offset) implements IndexEntry {
    }

    /**
     * A mission the orchestrator must look at again when it takes its partition over: it waits under a
     * confirmation timeout ({@link FollowUp#PAUSED}) or has an escalation not yet settled
     * ({@link FollowUp#ESCALATION}, {@code escalationId} its event id; empty for a pause). The
     * mission's own events, read from {@code offset}, decide what is still owed.
     */
    record FollowUp(String kind, String missionId, String escalationId, int partition, long offset)
            implements IndexEntry {
        public static final String PAUSED = "paused";
        public static final String ESCALATION = "escalation";
    }

    /** A record under {@code key} that is none of these; readers of that mission fall back to a scan. */
    record Malformed(String key, String reason) implements IndexEntry {
    }
}
