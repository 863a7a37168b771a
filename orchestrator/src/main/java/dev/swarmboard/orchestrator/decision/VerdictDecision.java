package dev.swarmboard.orchestrator.decision;

import dev.swarmboard.orchestrator.state.MissionFold;
import dev.swarmboard.orchestrator.state.MissionPhase;
import dev.swarmboard.orchestrator.state.MissionState;
import dev.swarmboard.orchestrator.state.PlanProgress;
import dev.swarmboard.orchestrator.validation.ReasonCode;
import dev.swarmboard.orchestrator.validation.Reasons;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.Vote;
import dev.swarmboard.schema.event.QuorumReached;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * QuorumReached: a FAIL for the plan in force that has not been handled leads to targeted re-runs of
 * the failing (and missing) lanes, or to MissionFailed. A PASS of a workspace plan leads to its
 * integration task ({@link IntegrationDecision}). Any other PASS, a duplicate verdict, a verdict on a
 * superseded or planning plan, or one for a paused or ended mission changes nothing.
 */
final class VerdictDecision {

    private final IntegrationDecision integrations;

    VerdictDecision(IntegrationDecision integrations) {
        this.integrations = integrations;
    }

    Outcome decide(MissionState state, QuorumReached verdict, Emitter emitter) {
        int round = verdict.getRound();
        if (state.phase() != MissionPhase.RUNNING || state.progress().isEmpty()) {
            return Outcome.none("verdict of round " + round + " for a mission that is " + state.phase() + ": ignored");
        }
        PlanProgress progress = state.progress().get();
        if (!MissionFold.forLanePlanInForce(state, verdict.getPlanId())) {
            return Outcome.none("verdict on plan " + verdict.getPlanId() + ", not a lane plan in force: ignored");
        }
        if (MissionFold.PASS.equals(verdict.getVerdict())) {
            return progress.integrates() && !progress.handledRound(round)
                    ? integrations.plan(state, progress, round, emitter) : Outcome.none("round " + round + " passed");
        }
        if (progress.handledRound(round)) {
            return Outcome.none("round " + round + " was already handled: duplicate verdict ignored");
        }
        boolean late = progress.plan().getDeadline() != null && !emitter.now().isBefore(progress.plan().getDeadline());
        if (!progress.heldLanes().isEmpty() && !late) {
            return Outcome.none("round " + round + " cannot be complete: lanes " + progress.heldLanes()
                    + " were not issued yet");
        }
        List<String> lanes = failingLanes(progress, verdict);
        List<Reason> reasons = new ArrayList<>();
        Map<String, List<String>> laneReasons = new LinkedHashMap<>();
        for (Vote vote : verdict.getVotes()) {
            if (vote.getPass()) {
                continue;
            }
            for (String reason : vote.getReasons()) {
                reasons.add(Reasons.of(ReasonCode.VOTE_FAILED, vote.getValidator(), reason));
                lanes.stream().filter(lane -> vote.getFailingLanes().isEmpty() || vote.getFailingLanes().contains(lane))
                        .forEach(lane -> laneReasons.computeIfAbsent(lane, key -> new ArrayList<>())
                                .add(vote.getValidator() + ": " + reason));
            }
        }
        return Retries.retryOrFail(state, progress, round, lanes, reasons, laneReasons, emitter);
    }

    /** Failing and missing lanes of the plan, in plan order; every lane when the verdict names none. */
    private static List<String> failingLanes(PlanProgress progress, QuorumReached verdict) {
        Set<String> named = new LinkedHashSet<>(verdict.getFailingLanes());
        named.addAll(verdict.getMissingLanes());
        List<String> planned = progress.plan().getLanes().stream().map(PlannedLane::getLaneId).toList();
        List<String> failing = planned.stream().filter(named::contains).toList();
        return failing.isEmpty() ? planned : failing;
    }
}
