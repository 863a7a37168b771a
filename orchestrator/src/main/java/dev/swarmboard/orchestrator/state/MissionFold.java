package dev.swarmboard.orchestrator.state;

import dev.swarmboard.orchestrator.plan.OrchestrateLane;
import dev.swarmboard.orchestrator.plan.Planner;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.orchestrator.retry.RetryEligibility;
import dev.swarmboard.orchestrator.validation.Reasons;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.KeyValue;
import dev.swarmboard.schema.event.MissionAccepted;
import dev.swarmboard.schema.event.MissionCancelled;
import dev.swarmboard.schema.event.MissionFailed;
import dev.swarmboard.schema.event.MissionPaused;
import dev.swarmboard.schema.event.MissionRejected;
import dev.swarmboard.schema.event.MissionResumed;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.PlanProposed;
import dev.swarmboard.schema.event.IntegrationCompleted;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.schema.event.RetryScheduled;
import dev.swarmboard.schema.event.StageCompleted;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pure fold of a mission's blackboard events into its {@link MissionState}. An event id that
 * already changed the state is skipped, so a fact applied when written and delivered again later
 * changes nothing; a mission that has ended stays ended. Lane progress events only matter for the
 * planning lane, whose proposal receipts are kept.
 */
public final class MissionFold {

    public static final String PASS = "PASS";

    private MissionFold() {
    }

    public static MissionState apply(MissionState state, BlackboardEvent event) {
        String eventId = event.getHeader().getEventId();
        if (state.applied().contains(eventId)) {
            return state;
        }
        if (event.getPayload() instanceof dev.swarmboard.schema.event.Escalation) {
            // remembered so an escalation decided again (a digest delivered twice) is not written twice
            return state.withApplied(eventId);
        }
        MissionState next = fold(state, event);
        return next == state ? state : next.withApplied(eventId);
    }

    private static MissionState fold(MissionState state, BlackboardEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof MissionAccepted accepted) {
            return state.phase() != MissionPhase.NEW ? state
                    : state.withSubmission(MissionPhase.RUNNING, accepted.getMissionHash(),
                    Optional.of(accepted.getMission()));
        }
        if (payload instanceof MissionRejected rejected) {
            boolean decidesSubmission = state.phase() == MissionPhase.NEW && !rejected.getMissionHash().isEmpty();
            return decidesSubmission
                    ? state.withSubmission(MissionPhase.REJECTED, rejected.getMissionHash(), Optional.empty()) : state;
        }
        if (state.phase().ended()) {
            return state;
        }
        return progress(state, event);
    }

    private static MissionState progress(MissionState state, BlackboardEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof PlanProposed proposed) {
            return state.withProposed(proposed.getPlan());
        }
        if (payload instanceof PlanIssued issued) {
            PlanProgress base = state.progress()
                    .filter(progress -> progress.planId().equals(issued.getPlan().getPlanId()))
                    .orElseGet(() -> PlanProgress.of(issued.getPlan()));
            return state.withProgress(base.issue(issued.getIssuedLanes(), issued.getRound()));
        }
        if (payload instanceof RetryScheduled retry) {
            return state.progress().map(progress -> state.withProgress(
                    progress.retry(retry.getRound(), retry.getLanes(), scopes(retry.getScopes()), retry.getHeldLanes(),
                            retry.getReasons().stream().map(Reasons::render).toList()))).orElse(state);
        }
        if (payload instanceof MissionPaused paused) {
            return state.withPhase(MissionPhase.PAUSED, Optional.of(paused.getAwaiting()));
        }
        if (payload instanceof MissionResumed) {
            return state.phase() == MissionPhase.PAUSED
                    ? state.withPhase(MissionPhase.RUNNING, Optional.empty()) : state;
        }
        if (payload instanceof MissionCancelled) {
            return state.withPhase(MissionPhase.CANCELLED, Optional.empty());
        }
        if (payload instanceof MissionFailed) {
            return state.withPhase(MissionPhase.FAILED, Optional.empty());
        }
        if (payload instanceof QuorumReached verdict && PASS.equals(verdict.getVerdict())
                && forLanePlanInForce(state, verdict.getPlanId())
                && !state.progress().orElseThrow().integrates()) {
            return state.withPhase(MissionPhase.PASSED, Optional.empty());
        }
        if (payload instanceof IntegrationCompleted && state.phase() == MissionPhase.RUNNING) {
            return state.withPhase(MissionPhase.PASSED, Optional.empty());
        }
        if (payload instanceof LaneYielded yielded && event.getHeader().getLaneId() != null
                && state.progress().isPresent()) {
            return state.withProgress(state.progress().get().withYield(event.getHeader().getLaneId(),
                    event.getHeader().getAttempt(), Events.ref(event, event.getHeader().getLaneId()),
                    yielded.getPassed(), yielded.getTreeId()));
        }
        if (payload instanceof LaneFailed failed && event.getHeader().getLaneId() != null
                && state.progress().isPresent()) {
            String laneId = event.getHeader().getLaneId();
            int attempt = event.getHeader().getAttempt();
            PlanProgress ended = state.progress().get().withResult(laneId, attempt, false);
            return state.withProgress(RetryEligibility.unfixable(failed.getReasons())
                    .map(why -> ended.withUnfixable(laneId, attempt, why)).orElse(ended));
        }
        if (payload instanceof StageCompleted stage && isProposal(event, stage)) {
            return state.withProposal(event);
        }
        return state;
    }

    /**
     * Whether a verdict is about the plan in force and that plan runs the mission's lanes (a verdict on
     * the planning lane's plan is not the mission's). A verdict without a plan id is taken to be
     * about the plan in force.
     */
    public static boolean forLanePlanInForce(MissionState state, String planId) {
        return state.progress()
                .filter(progress -> !Planner.isPlanning(progress.plan()))
                .filter(progress -> planId.isEmpty() || progress.planId().equals(planId))
                .isPresent();
    }

    /** An artifact receipt of the planning lane: its lane proposal or a mission-level phase's artifact. */
    private static boolean isProposal(BlackboardEvent event, StageCompleted stage) {
        return OrchestrateLane.LANE_ID.equals(event.getHeader().getLaneId()) && !stage.getArtifact().isEmpty();
    }

    /** RetryScheduled scopes: laneId to its comma-joined scope. */
    static Map<String, List<String>> scopes(List<KeyValue> entries) {
        Map<String, List<String>> scopes = new LinkedHashMap<>();
        for (KeyValue entry : entries) {
            scopes.put(entry.getKey(), Arrays.stream(entry.getValue().split(","))
                    .map(String::trim).filter(part -> !part.isEmpty()).toList());
        }
        return scopes;
    }
}
