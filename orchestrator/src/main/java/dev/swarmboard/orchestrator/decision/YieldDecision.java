package dev.swarmboard.orchestrator.decision;

import dev.swarmboard.orchestrator.plan.AuditLanes;
import dev.swarmboard.orchestrator.plan.LaneProposal;
import dev.swarmboard.orchestrator.plan.OrchestrateLane;
import dev.swarmboard.orchestrator.plan.Planner;
import dev.swarmboard.orchestrator.state.MissionPhase;
import dev.swarmboard.orchestrator.state.MissionState;
import dev.swarmboard.orchestrator.state.PlanProgress;
import dev.swarmboard.orchestrator.validation.MissionValidator;
import dev.swarmboard.orchestrator.validation.ReasonCode;
import dev.swarmboard.orchestrator.validation.Reasons;
import dev.swarmboard.orchestrator.validation.Validation;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.LaneYielded;
import java.util.List;
import java.util.Map;

/**
 * The end of a lane attempt, where it steers the plan. A passing canary releases the rest of the
 * lanes; a failing one pauses the mission for a decision. The planning lane's yield is read as a
 * lane proposal, validated like a mission, and issued as a superseding plan (or proposed, when the
 * mission needs confirmation); a failed or invalid proposal is re-run with its reasons, like any
 * failed lane.
 */
final class YieldDecision {

    private final MissionValidator validator;

    YieldDecision(MissionValidator validator) {
        this.validator = validator;
    }

    Outcome decide(MissionState state, BlackboardEvent event, Emitter emitter) {
        String laneId = event.getHeader().getLaneId();
        int attempt = event.getHeader().getAttempt();
        if (state.phase() != MissionPhase.RUNNING || state.progress().isEmpty() || laneId == null) {
            return Outcome.none("yield of " + laneId + " in a mission that is " + state.phase() + ": nothing to steer");
        }
        PlanProgress progress = state.progress().get();
        List<Reason> failures = failures(event.getPayload());
        if (Planner.isPlanning(progress.plan()) && OrchestrateLane.LANE_ID.equals(laneId)) {
            return planning(state, progress, event, attempt, failures, emitter);
        }
        if (laneId.equals(progress.plan().getCanaryLaneId()) && attempt == 1 && !progress.pendingLanes().isEmpty()) {
            return failures.isEmpty()
                    ? Issuing.release(emitter, state.spec().orElseThrow(), progress)
                    : Issuing.propose(emitter, progress.plan(), Issuing.CANARY_DECISION, Reasons.prepend(Reasons.of(
                    ReasonCode.CANARY_FAILED, "canary_lane", "canary lane " + laneId + " did not pass"), failures));
        }
        if (!progress.heldLanes().isEmpty() && !Planner.isPlanning(progress.plan())) {
            return Issuing.release(emitter, state.spec().orElseThrow(), progress);
        }
        return Outcome.none("yield of lane " + laneId + " attempt " + attempt + " steers nothing");
    }

    private Outcome planning(MissionState state, PlanProgress progress, BlackboardEvent event, int attempt,
                             List<Reason> failures, Emitter emitter) {
        if (attempt < progress.attempt(OrchestrateLane.LANE_ID) || progress.handledRound(attempt)) {
            return Outcome.none("planning lane attempt " + attempt + " was already handled");
        }
        if (!failures.isEmpty()) {
            return retry(state, progress, attempt, failures, emitter);
        }
        LaneProposal proposal = ProposalReceipts.find(state, (LaneYielded) event.getPayload(), attempt);
        if (!proposal.valid()) {
            return retry(state, progress, attempt, proposal.reasons(), emitter);
        }
        MissionSpec spec = withAbsoluteDeadline(state.spec().orElseThrow(), progress.plan());
        Validation validation = validator.validateProposal(spec, proposal.lanes(), emitter.now(), emitter.now());
        if (validation.rejected()) {
            return retry(state, progress, attempt, validation.reasons(), emitter);
        }
        MissionSpec proposed = MissionSpec.newBuilder(spec).setLanes(proposal.lanes()).build();
        Plan plan = Plan.newBuilder(AuditLanes.attach(Planner.plan(proposed, validation,
                        progress.plan().getVersion() + 1, progress.planId()), validator.audit(proposed)))
                .setMissionArtifacts(MissionArtifacts.of(state, (LaneYielded) event.getPayload())).build();
        if (spec.getConstraints().getRequiresConfirmation() || validation.needsDecision()) {
            Reason confirm = Reasons.of(ReasonCode.CONFIRMATION_REQUIRED, "constraints.requires_confirmation",
                    "the proposed lanes wait for a person's approval");
            return Issuing.propose(emitter, plan, Issuing.APPROVAL, Reasons.prepend(confirm, validation.undecidable()));
        }
        return Issuing.issue(emitter, spec, plan);
    }

    private static Outcome retry(MissionState state, PlanProgress progress, int attempt, List<Reason> reasons,
                                 Emitter emitter) {
        List<String> why = reasons.stream().map(Reasons::render).toList();
        return Retries.retryOrFail(state, progress, attempt, List.of(OrchestrateLane.LANE_ID), reasons,
                Map.of(OrchestrateLane.LANE_ID, why), emitter);
    }

    /** The failing checks of a yield, or the reasons of a failed lane; empty when the lane passed. */
    private static List<Reason> failures(Object payload) {
        if (payload instanceof LaneFailed failed) {
            return failed.getReasons().isEmpty() ? List.of(Reasons.of(ReasonCode.LANE_FAILED, failed.getStage(),
                    "the lane failed without a reason")) : failed.getReasons();
        }
        LaneYielded yielded = (LaneYielded) payload;
        if (yielded.getPassed()) {
            return List.of();
        }
        List<Reason> failing = yielded.getChecks().stream().filter(check -> !check.getPassed())
                .map(check -> Reasons.of(ReasonCode.LANE_FAILED, check.getName(), check.getReason())).toList();
        return failing.isEmpty() ? List.of(Reasons.of(ReasonCode.LANE_FAILED, "", "the lane's Yield did not pass"))
                : failing;
    }

    /** The mission with its deadline fixed to the plan's instant, so a proposal is judged by the same deadline. */
    private static MissionSpec withAbsoluteDeadline(MissionSpec spec, Plan plan) {
        Constraints constraints = Constraints.newBuilder(spec.getConstraints())
                .setDeadline(plan.getDeadline() == null ? null : plan.getDeadline().toString())
                .build();
        return MissionSpec.newBuilder(spec).setConstraints(constraints).build();
    }
}
