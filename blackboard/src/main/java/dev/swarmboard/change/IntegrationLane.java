package dev.swarmboard.change;

/**
 * The reserved lane id of a mission's integration task: the orchestrator plans it after a workspace
 * round's PASS, a lane worker runs it, and its events (tool receipts, IntegrationCompleted or
 * IntegrationFailed) carry this lane id with the round as their attempt.
 */
public final class IntegrationLane {

    public static final String ID = "integration";
    public static final String ROLE = "integrator";

    private IntegrationLane() {
    }
}
