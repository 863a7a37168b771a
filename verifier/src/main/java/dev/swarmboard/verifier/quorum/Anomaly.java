package dev.swarmboard.verifier.quorum;

/**
 * Something the log itself says is wrong, whatever the events claim: an event id written twice with
 * different content, or a receipt that arrived after its lane attempt had already yielded.
 */
public record Anomaly(Kind kind, String eventId, String eventType, String laneId, int attempt) {

    /** The kinds of anomaly the disruptor votes on. */
    public enum Kind {
        /** The same event id appeared again with a different content hash. */
        CONFLICTING_DUPLICATE,
        /** A StageCompleted or ToolReceipt of a lane attempt after that attempt's yield. */
        RECEIPT_AFTER_YIELD
    }

    /** True for mission-level anomalies and for those of the given lane attempt. */
    public boolean concerns(String lane, int laneAttempt) {
        return laneId == null || (laneId.equals(lane) && attempt == laneAttempt);
    }
}
