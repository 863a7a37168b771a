package dev.swarmboard.orchestrator.state;

/** Where a mission stands, as folded from its blackboard events. */
public enum MissionPhase {
    /** No submission has been decided yet. */
    NEW,
    REJECTED,
    RUNNING,
    /** Waiting for ApproveMission or CancelMission. */
    PAUSED,
    CANCELLED,
    FAILED,
    /** A PASS verdict for the plan in force. */
    PASSED;

    public boolean ended() {
        return this == REJECTED || this == CANCELLED || this == FAILED || this == PASSED;
    }
}
