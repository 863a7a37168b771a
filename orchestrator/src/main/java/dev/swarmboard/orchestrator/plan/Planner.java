package dev.swarmboard.orchestrator.plan;

import dev.swarmboard.orchestrator.validation.Validation;
import dev.swarmboard.orchestrator.workflow.BuiltInWorkflows;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.orchestrator.sequence.LaneGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the declarative plan of a validated mission: its routed lanes, the canary (an id, or the
 * first lane for {@code *}), the lanes in sequence order (each after the lanes it waits for), the
 * parallel cap, budgets, the absolute deadline, quorum and re-run settings, allowed
 * capabilities and the revert path. A mission without lanes gets the one-lane planning plan.
 */
public final class Planner {

    /** The plan of the planning lane carries this workflow name, so readers can tell it apart. */
    public static final String ORCHESTRATE_WORKFLOW = OrchestrateLane.LANE_ID;

    private Planner() {
    }

    /** The id of a mission's plan of the given version: {@code <missionId>/plan-<version>}. */
    public static String planId(String missionId, int version) {
        return missionId + "/plan-" + version;
    }

    public static Plan plan(MissionSpec spec, Validation validation, int version, String supersedes) {
        String planId = planId(spec.getMissionId(), version);
        List<PlannedLane> lanes = inOrder(validation.lanes().stream().map(RoutedLane::lane).toList());
        boolean planning = lanes.size() == 1 && lanes.get(0).getLaneId().equals(OrchestrateLane.LANE_ID);
        return Plan.newBuilder()
                .setPlanId(planId)
                .setVersion(version)
                .setSupersedes(supersedes)
                .setWorkflow(planning ? ORCHESTRATE_WORKFLOW
                        : spec.getWorkflow() == null ? BuiltInWorkflows.PREY_NAME : spec.getWorkflow())
                .setLanes(lanes)
                .setCanaryLaneId(planning ? null : canary(spec.getCanaryLane(), lanes))
                .setMaxParallelLanes(Math.max(0, spec.getConstraints().getMaxParallelLanes()))
                .setDeadline(validation.deadline().orElse(null))
                .setTokenBudget(spec.getConstraints().getTokenBudget())
                .setCostBudgetUsd(spec.getConstraints().getCostBudgetUsd())
                .setQuorumThreshold(spec.getQuorumThreshold())
                .setQuorumSize(3)
                .setMaxReruns(spec.getMaxReruns())
                .setShrinkScopeOnRetry(spec.getShrinkScopeOnRetry())
                .setAllowedCapabilities(spec.getConstraints().getAllowedCapabilities())
                .setRevertPath(RevertPaths.of(spec.getMissionId(), planId, lanes))
                .build();
    }

    /** Whether a plan is the planning lane's plan rather than the lanes' own. */
    public static boolean isPlanning(Plan plan) {
        return ORCHESTRATE_WORKFLOW.equals(plan.getWorkflow());
    }

    /** The lanes with every lane after the lanes it waits for, otherwise in written order. */
    static List<PlannedLane> inOrder(List<PlannedLane> lanes) {
        Map<String, List<String>> after = new LinkedHashMap<>();
        lanes.forEach(lane -> after.putIfAbsent(lane.getLaneId(), lane.getAfter()));
        Map<String, PlannedLane> byId = new LinkedHashMap<>();
        lanes.forEach(lane -> byId.putIfAbsent(lane.getLaneId(), lane));
        List<PlannedLane> ordered = new ArrayList<>(new LaneGraph(after).order().stream().map(byId::get).toList());
        return ordered.size() == lanes.size() ? ordered : lanes;
    }

    private static String canary(String requested, List<PlannedLane> lanes) {
        if (requested == null || lanes.size() < 2) {
            return null;
        }
        return requested.equals("*") ? lanes.get(0).getLaneId() : requested;
    }
}
