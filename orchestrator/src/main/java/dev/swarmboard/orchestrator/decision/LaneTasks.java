package dev.swarmboard.orchestrator.decision;

import dev.swarmboard.orchestrator.state.PlanProgress;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.RunLane;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RunLane commands: one attempt of one lane with its scope, budgets, deadline and allowed
 * capabilities from the plan. The record key is {@code missionId/laneId}; the task id adds the
 * attempt and is the lane worker's idempotency key.
 */
public final class LaneTasks {

    private LaneTasks() {
    }

    public static String key(RunLane task) {
        return task.getMissionId() + "/" + task.getLane().getLaneId();
    }

    static RunLane task(MissionSpec spec, Plan plan, PlannedLane lane, int attempt, List<String> scope,
                        List<String> retryReasons, Instant now, String traceparent) {
        return RunLane.newBuilder()
                .setTaskId(spec.getMissionId() + "/" + lane.getLaneId() + "/" + attempt)
                .setMissionId(spec.getMissionId())
                .setPlanId(plan.getPlanId())
                .setAttempt(attempt)
                .setGoal(goal(spec))
                .setLane(lane)
                .setScope(scope)
                .setRetryReasons(retryReasons)
                .setDeadline(plan.getDeadline())
                .setTokenBudget(plan.getTokenBudget())
                .setCostBudgetUsd(plan.getCostBudgetUsd())
                .setAllowedCapabilities(plan.getAllowedCapabilities())
                .setIssuedAt(now)
                .setMissionArtifacts(plan.getMissionArtifacts())
                .setMissionStart(plan.getMissionStart())
                .setTraceparent(traceparent)
                .build();
    }

    /**
     * The task of a lane that may wait for others, with what its checkout starts from: the passing changes
     * of its transitive predecessors (for a workspace lane), in plan order.
     */
    static RunLane task(MissionSpec spec, PlanProgress progress, PlannedLane lane, int attempt, List<String> scope,
                        List<String> retryReasons, Instant now, String traceparent) {
        return RunLane.newBuilder(task(spec, progress.plan(), lane, attempt, scope, retryReasons, now, traceparent))
                .setStartFrom(progress.startFrom(lane.getLaneId())).build();
    }

    /** The mission goal, followed by the workflow inputs when it has any. */
    static String goal(MissionSpec spec) {
        if (spec.getWorkflowInputs().isEmpty()) {
            return spec.getGoal();
        }
        return spec.getGoal() + "\n\nInputs:\n" + spec.getWorkflowInputs().stream()
                .map(input -> "- " + input.getKey() + ": " + input.getValue())
                .collect(Collectors.joining("\n"));
    }
}
