package dev.swarmboard.orchestrator.decision;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.MissionPaused;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.PlanProposed;
import java.util.List;

/**
 * The two ways a plan leaves the orchestrator: issued (PlanIssued plus a RunLane at attempt 1 for
 * each lane sent; a canary plan sends its canary alone first) or proposed for a person's decision
 * (PlanProposed plus MissionPaused).
 */
final class Issuing {

    static final String APPROVAL = "APPROVAL";
    static final String CANARY_DECISION = "CANARY_DECISION";

    private Issuing() {
    }

    /** Issues a plan: the canary alone when it has one, else every lane. */
    static Outcome issue(Emitter emitter, MissionSpec spec, Plan plan) {
        List<String> first = plan.getCanaryLaneId() != null ? List.of(plan.getCanaryLaneId())
                : plan.getLanes().stream().map(PlannedLane::getLaneId).toList();
        return send(emitter, spec, plan, first);
    }

    /** PlanIssued for these lanes of the plan and their first attempts. */
    static Outcome send(Emitter emitter, MissionSpec spec, Plan plan, List<String> laneIds) {
        BlackboardEvent issued = emitter.event(new PlanIssued(plan, laneIds), plan.getPlanId(),
                String.join(",", laneIds));
        List<RunLane> tasks = plan.getLanes().stream()
                .filter(lane -> laneIds.contains(lane.getLaneId()))
                .map(lane -> LaneTasks.task(spec, plan, lane, 1, lane.getScope(), List.of(), emitter.now(), emitter.traceparent()))
                .toList();
        return new Outcome(List.of(issued), tasks, "plan " + plan.getPlanId() + " issued lanes " + laneIds);
    }

    /** Proposes the plan and pauses the mission until a person approves or cancels it. */
    static Outcome propose(Emitter emitter, Plan plan, String awaiting, List<Reason> reasons) {
        BlackboardEvent proposed = emitter.event(new PlanProposed(plan, reasons), plan.getPlanId(), awaiting);
        BlackboardEvent paused = emitter.event(new MissionPaused(awaiting, reasons), plan.getPlanId(), awaiting);
        return Outcome.of("plan " + plan.getPlanId() + " proposed, awaiting " + awaiting, List.of(proposed, paused));
    }
}
