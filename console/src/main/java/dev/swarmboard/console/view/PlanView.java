package dev.swarmboard.console.view;

import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.StagePlan;
import java.util.List;

/** A plan as a person reviews it before approving: its lanes with objective, role, scope, tools and stages. */
public record PlanView(String planId, int version, String workflow, List<Lane> lanes, List<String> revertPath) {

    /** One planned lane. */
    public record Lane(String laneId, String objective, String role, List<String> scope, List<String> tools,
                       List<String> stages) {
    }

    public static PlanView of(Plan plan) {
        return new PlanView(plan.getPlanId(), plan.getVersion(), plan.getWorkflow(),
                plan.getLanes().stream().map(PlanView::lane).toList(), List.copyOf(plan.getRevertPath()));
    }

    private static Lane lane(PlannedLane lane) {
        return new Lane(lane.getLaneId(), lane.getObjective(), lane.getRole(), List.copyOf(lane.getScope()),
                List.copyOf(lane.getTools()), lane.getStages().stream().map(StagePlan::getName).toList());
    }
}
