package dev.swarmboard.orchestrator.plan;

import dev.swarmboard.orchestrator.workflow.BuiltInWorkflows;
import dev.swarmboard.orchestrator.workflow.Phase;
import dev.swarmboard.orchestrator.workflow.Workflow;
import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.orchestrator.workflow.MissionPhases;
import java.util.List;
import java.util.Optional;

/**
 * The planning lane of a mission without explicit lanes: one {@code orchestrate} stage (role
 * {@code planner}) whose artifact {@code lane_proposal} lists the lanes as YAML. The orchestrator
 * validates the proposal deterministically before it issues any of them.
 */
public final class OrchestrateLane {

    public static final String LANE_ID = "orchestrate";
    public static final String ROLE = "planner";
    public static final String ARTIFACT = "lane_proposal";

    public static final Workflow WORKFLOW = new Workflow(LANE_ID,
            "Propose the lanes of a mission that names none.", List.of(),
            List.of(Phase.single(LANE_ID, ROLE, "", ARTIFACT, ContextStrategy.FRESH)));

    private OrchestrateLane() {
    }

    /**
     * The planning lane's workflow: the mission workflow's mission-level phases when it has any (their
     * {@code mission.<phase>} inputs read that phase's artifact of this same lane), else the one
     * {@code orchestrate} stage.
     */
    public static Workflow workflow(Optional<Workflow> missionWorkflow) {
        List<Phase> before = missionWorkflow.map(workflow -> workflow.mission().before()).orElse(List.of());
        if (before.isEmpty()) {
            return WORKFLOW;
        }
        MissionPhases mission = missionWorkflow.get().mission();
        List<Phase> phases = before.stream().map(phase -> mission.named(phase.input())
                .map(source -> phase.withInput(source.output())).orElse(phase)).toList();
        return new Workflow(LANE_ID, "The mission-level phases of " + missionWorkflow.get().name()
                + ", ending with the lane proposal.", List.of(), phases);
    }

    /** The planning lane for the mission, scoped to the mission scope. */
    public static LaneSpec of(MissionSpec mission) {
        String workflow = mission.getWorkflow() == null ? BuiltInWorkflows.PREY_NAME : mission.getWorkflow();
        String objective = "Propose the lanes for this goal as YAML under '" + ARTIFACT + ": lanes:'; each lane has"
                + " id, objective, role, scope, tools and optionally workflow (default " + workflow + ").";
        return LaneSpec.newBuilder()
                .setId(LANE_ID)
                .setObjective(objective)
                .setRole(ROLE)
                .setScope(mission.getConstraints().getScope())
                .setTools(List.of())
                .setWorkflow(LANE_ID)
                .build();
    }
}
