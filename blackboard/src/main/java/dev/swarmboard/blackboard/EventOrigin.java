package dev.swarmboard.blackboard;

/**
 * Who and what an event is about: its mission, lane and attempt, the producing service instance,
 * and the command or event that caused it.
 */
public record EventOrigin(String missionId, String laneId, int attempt, String producer,
                          String causationId, String traceparent) {

    /** A mission-level origin with no lane. */
    public static EventOrigin mission(String missionId, String producer) {
        return new EventOrigin(missionId, null, 0, producer, null, null);
    }

    public EventOrigin forLane(String lane, int laneAttempt) {
        return new EventOrigin(missionId, lane, laneAttempt, producer, causationId, traceparent);
    }

    public EventOrigin causedBy(String cause) {
        return new EventOrigin(missionId, laneId, attempt, producer, cause, traceparent);
    }
}
