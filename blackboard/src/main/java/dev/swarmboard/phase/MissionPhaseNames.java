package dev.swarmboard.phase;

/**
 * The names mission-level phases share across services: the orchestrator plans with them, the lane
 * worker resolves inputs by them and the digest finds the audit by them. The audit lane is sent after
 * the plan passed; a stage input {@code mission.<phase>} reads a mission phase's artifact from the task.
 */
public final class MissionPhaseNames {

    /** The reserved lane id of the audit lane. */
    public static final String AUDIT_LANE = "audit";
    /** The role of the audit lane. */
    public static final String AUDIT_ROLE = "auditor";
    /** The prefix of an input naming a mission-level phase: {@code mission.plan}. */
    public static final String INPUT_PREFIX = "mission.";
    /** The mission artifact that carries a workspace mission's integrated diff to the audit. */
    public static final String INTEGRATION = "integration";

    private MissionPhaseNames() {
    }
}
