package dev.swarmboard.orchestrator.decision;

import dev.swarmboard.orchestrator.state.PlanProgress;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.MissionPaused;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.PlanProposed;
import java.util.ArrayList;
import java.util.List;

/**
 * The ways a plan leaves the orchestrator: issued (PlanIssued plus a RunLane at attempt 1 for each
 * lane sent; a canary plan sends its canary alone first, a sequenced plan the lanes that wait for no
 * other, up to its parallel cap), released later (the waiting lanes whose predecessors passed, or a
 * LaneFailed for those that cannot run this round), or proposed for a person's decision (PlanProposed
 * plus MissionPaused).
 */
final class Issuing {

    static final String APPROVAL = "APPROVAL";
    static final String CANARY_DECISION = "CANARY_DECISION";

    private Issuing() {
    }

    /** Issues a plan: the canary alone when it has one, else the lanes ready to run. */
    static Outcome issue(Emitter emitter, MissionSpec spec, Plan plan) {
        List<String> first = plan.getCanaryLaneId() != null ? List.of(plan.getCanaryLaneId())
                : Sequencing.release(PlanProgress.of(plan)).ready();
        return send(emitter, spec, plan, first);
    }

    /** PlanIssued for these lanes of the plan and their first attempts. */
    static Outcome send(Emitter emitter, MissionSpec spec, Plan plan, List<String> laneIds) {
        BlackboardEvent issued = emitter.event(new PlanIssued(plan, laneIds, 1), plan.getPlanId(),
                String.join(",", laneIds));
        List<RunLane> tasks = plan.getLanes().stream()
                .filter(lane -> laneIds.contains(lane.getLaneId()))
                .map(lane -> LaneTasks.task(spec, plan, lane, 1, lane.getScope(), List.of(), emitter.now(), emitter.traceparent()))
                .toList();
        return new Outcome(List.of(issued), tasks, "plan " + plan.getPlanId() + " issued lanes " + laneIds);
    }

    /**
     * The waiting lanes of the current round that may go now: a PlanIssued (with the round) and a RunLane
     * for each ready lane, a LaneFailed ({@code PREDECESSOR_FAILED}) for each blocked one.
     */
    static Outcome release(Emitter emitter, MissionSpec spec, PlanProgress progress) {
        Sequencing.Release release = Sequencing.release(progress);
        if (release.isEmpty()) {
            return Outcome.none("no waiting lane of plan " + progress.planId() + " can go yet: held "
                    + progress.heldLanes());
        }
        List<BlackboardEvent> events = new ArrayList<>();
        List<RunLane> tasks = new ArrayList<>();
        Plan plan = progress.plan();
        if (!release.ready().isEmpty()) {
            int round = progress.expectedAttempt(release.ready().get(0));
            events.add(round == 1
                    ? emitter.event(new PlanIssued(plan, release.ready(), 1), plan.getPlanId(),
                    String.join(",", release.ready()))
                    : emitter.event(round, new PlanIssued(plan, release.ready(), round), plan.getPlanId(),
                    String.join(",", release.ready()), "round-" + round));
            for (String laneId : release.ready()) {
                PlannedLane lane = progress.lane(laneId).orElseThrow();
                tasks.add(LaneTasks.task(spec, progress, lane, round, progress.scope(laneId),
                        round == 1 ? List.of() : progress.retryReasons(laneId), emitter.now(), emitter.traceparent()));
            }
        }
        for (Sequencing.Blocked blocked : release.blocked()) {
            int attempt = progress.expectedAttempt(blocked.laneId());
            events.add(emitter.laneEvent(blocked.laneId(), attempt,
                    new LaneFailed("", List.of(Sequencing.reasonOf(blocked))), "blocked"));
        }
        return new Outcome(events, tasks, "plan " + plan.getPlanId() + " released lanes " + release.ready()
                + (release.blocked().isEmpty() ? "" : ", blocked " + release.blocked().stream()
                .map(Sequencing.Blocked::laneId).toList()));
    }

    /** Proposes the plan and pauses the mission until a person approves or cancels it. */
    static Outcome propose(Emitter emitter, Plan plan, String awaiting, List<Reason> reasons) {
        BlackboardEvent proposed = emitter.event(new PlanProposed(plan, reasons), plan.getPlanId(), awaiting);
        BlackboardEvent paused = emitter.event(new MissionPaused(awaiting, reasons), plan.getPlanId(), awaiting);
        return Outcome.of("plan " + plan.getPlanId() + " proposed, awaiting " + awaiting, List.of(proposed, paused));
    }
}
