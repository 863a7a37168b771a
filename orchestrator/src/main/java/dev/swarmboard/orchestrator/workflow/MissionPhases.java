package dev.swarmboard.orchestrator.workflow;

import dev.swarmboard.phase.MissionPhaseNames;
import java.util.List;
import java.util.Optional;

/**
 * A workflow's mission-level phases: {@code before} run once per mission in the planning lane, in
 * order, before any lane (the last one, {@code decompose}, writes the lane proposal); {@code audit}
 * run once after the mission passed (after its integration), as the advisory audit lane. A lane phase
 * or a later mission phase reads a mission phase's artifact as input {@code mission.<phase>}.
 */
public record MissionPhases(List<Phase> before, List<Phase> audit) {

    /** The prefix of an input that names a mission-level phase: {@code mission.plan}. */
    public static final String INPUT_PREFIX = MissionPhaseNames.INPUT_PREFIX;
    /** The artifact the last {@code before} phase writes: the lanes, validated like a planning lane's. */
    public static final String PROPOSAL_ARTIFACT = "lane_proposal";
    /** The lane id of the audit lane. */
    public static final String AUDIT_LANE = MissionPhaseNames.AUDIT_LANE;
    /** The role of the audit lane. */
    public static final String AUDIT_ROLE = MissionPhaseNames.AUDIT_ROLE;
    /** The mission artifact that carries a workspace mission's integrated change to the audit. */
    public static final String INTEGRATION = MissionPhaseNames.INTEGRATION;

    public static final MissionPhases NONE = new MissionPhases(List.of(), List.of());

    public MissionPhases {
        before = List.copyOf(before);
        audit = List.copyOf(audit);
    }

    public boolean isEmpty() {
        return before.isEmpty() && audit.isEmpty();
    }

    /** The mission phase an input {@code mission.<phase>} names, if it is one. */
    public Optional<Phase> named(String input) {
        if (input == null || !input.startsWith(INPUT_PREFIX)) {
            return Optional.empty();
        }
        String phase = input.substring(INPUT_PREFIX.length());
        return before.stream().filter(candidate -> candidate.name().equals(phase)).findFirst();
    }

    /** Whether an input names a mission-level phase (known or not). */
    public static boolean isMissionInput(String input) {
        return input != null && input.startsWith(INPUT_PREFIX);
    }
}
