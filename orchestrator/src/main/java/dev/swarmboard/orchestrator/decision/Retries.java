package dev.swarmboard.orchestrator.decision;

import dev.swarmboard.change.LaneAncestry;
import dev.swarmboard.orchestrator.plan.ScopeShrink;
import dev.swarmboard.orchestrator.state.MissionState;
import dev.swarmboard.orchestrator.state.PlanProgress;
import dev.swarmboard.orchestrator.validation.ReasonCode;
import dev.swarmboard.orchestrator.validation.Reasons;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.ContactPolicy;
import dev.swarmboard.schema.KeyValue;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.Escalation;
import dev.swarmboard.schema.event.MissionFailed;
import dev.swarmboard.schema.event.RetryScheduled;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What follows a failed round: while re-runs are left and the deadline has not passed, a targeted
 * re-run of the failing lanes only (attempt = round + 1, scope shrunk when the plan says so, the
 * failing reasons passed on; a lane whose predecessor re-runs waits for it, and for a workspace plan
 * re-runs too, since its checkout starts from that predecessor's tree), unless a failing lane
 * cannot pass by a re-run (budget exhausted, preflight refusal); otherwise MissionFailed and an escalation per the contact policy
 * (TIMEOUT when the deadline passed, else CRITICAL).
 */
final class Retries {

    static final String CRITICAL = "CRITICAL";
    static final String TIMEOUT = "TIMEOUT";

    private Retries() {
    }

    static Outcome retryOrFail(MissionState state, PlanProgress progress, int failedRound, List<String> failing,
                               List<Reason> reasons, Map<String, List<String>> failingReasons, Emitter emitter) {
        Plan plan = progress.plan();
        Map<String, List<String>> laneReasons = new LinkedHashMap<>(failingReasons);
        List<String> lanes = progress.integrates() ? withDependents(plan, failing, laneReasons) : failing;
        List<Reason> roundReasons = new ArrayList<>(reasons);
        lanes.stream().filter(lane -> !failing.contains(lane)).forEach(lane -> roundReasons.add(Reasons.of(
                ReasonCode.PREDECESSOR_RERUN, "lanes." + lane + ".after", laneReasons.get(lane).get(0))));
        if (plan.getDeadline() != null && !emitter.now().isBefore(plan.getDeadline())) {
            Reason late = Reasons.of(ReasonCode.DEADLINE_PASSED, "constraints.deadline",
                    "round " + failedRound + " failed and the deadline " + plan.getDeadline() + " has passed");
            return fail(state, failing, Reasons.prepend(late, reasons), TIMEOUT, emitter);
        }
        List<Reason> unfixable = failing.stream().flatMap(lane -> progress.unfixable(lane).map(why -> Reasons.of(
                ReasonCode.NOT_RETRYABLE, "lanes." + lane, "lane " + lane + " cannot pass by a re-run: " + why)).stream())
                .toList();
        if (!unfixable.isEmpty()) {
            List<Reason> all = new ArrayList<>(unfixable);
            all.addAll(reasons);
            return fail(state, failing, all, CRITICAL, emitter);
        }
        if (progress.rerunsUsed() >= plan.getMaxReruns()) {
            Reason exhausted = Reasons.of(ReasonCode.RERUNS_EXHAUSTED, "max_reruns", "round " + failedRound
                    + " failed and " + progress.rerunsUsed() + " of " + plan.getMaxReruns() + " re-runs are used");
            return fail(state, failing, Reasons.prepend(exhausted, reasons), CRITICAL, emitter);
        }
        int round = failedRound + 1;
        MissionSpec spec = state.spec().orElseThrow();
        List<KeyValue> scopes = new ArrayList<>();
        Map<String, List<String>> scopeOf = new LinkedHashMap<>();
        for (String laneId : lanes) {
            List<String> why = laneReasons.getOrDefault(laneId, List.of());
            List<String> scope = plan.getShrinkScopeOnRetry()
                    ? ScopeShrink.shrink(progress.scope(laneId), why) : progress.scope(laneId);
            scopes.add(new KeyValue(laneId, String.join(",", scope)));
            scopeOf.put(laneId, scope);
        }
        // the re-run respects the lanes' order: a lane whose predecessor re-runs too waits for it
        PlanProgress scheduled = progress.retry(round, lanes, scopeOf, lanes, List.of());
        List<String> ready = Sequencing.release(scheduled, lanes, scheduled.inFlight()).ready();
        List<String> held = lanes.stream().filter(lane -> !ready.contains(lane)).toList();
        List<RunLane> tasks = new ArrayList<>();
        for (String laneId : ready) {
            progress.lane(laneId).ifPresent(lane -> tasks.add(LaneTasks.task(spec, progress, lane, round,
                    scopeOf.get(laneId), laneReasons.getOrDefault(laneId, List.of()), emitter.now(), emitter.traceparent())));
        }
        BlackboardEvent retry = emitter.event(round, new RetryScheduled(round, lanes, scopes, roundReasons, held),
                plan.getPlanId(), Integer.toString(round));
        return new Outcome(List.of(retry), tasks, "round " + failedRound + " failed: re-running " + ready
                + " at attempt " + round + (held.isEmpty() ? "" : ", " + held + " wait for their predecessors"));
    }

    /**
     * The failing lanes and, in plan order, every lane that builds on one of them: a workspace lane's
     * checkout starts from its predecessors' trees, so when a predecessor re-runs its dependents must too.
     */
    private static List<String> withDependents(Plan plan, List<String> failing, Map<String, List<String>> laneReasons) {
        Map<String, Set<String>> ancestry = LaneAncestry.of(plan.getLanes());
        List<String> lanes = new ArrayList<>();
        for (PlannedLane lane : plan.getLanes()) {
            String laneId = lane.getLaneId();
            List<String> rerun = ancestry.getOrDefault(laneId, Set.of()).stream().filter(failing::contains).toList();
            if (failing.contains(laneId)) {
                lanes.add(laneId);
            } else if (!rerun.isEmpty()) {
                lanes.add(laneId);
                laneReasons.computeIfAbsent(laneId, key -> new ArrayList<>()).add("lane " + laneId + " builds on lanes "
                        + rerun + ", which re-run: its checkout starts from their new trees");
            }
        }
        return lanes;
    }

    private static Outcome fail(MissionState state, List<String> lanes, List<Reason> reasons, String severity,
                                Emitter emitter) {
        List<BlackboardEvent> events = new ArrayList<>();
        events.add(emitter.event(new MissionFailed(reasons, lanes)));
        ContactPolicy contact = state.spec().orElseThrow().getContactPolicy();
        String to = TIMEOUT.equals(severity) ? contact.getTimeout() : contact.getCritical();
        if (!to.isEmpty()) {
            events.add(emitter.event(new Escalation(severity, to, "mission " + state.missionId() + " failed: "
                    + reasons.get(0).getMessage() + "; failing lanes " + lanes), severity));
        }
        return Outcome.of("mission " + state.missionId() + " failed (" + severity + "): " + Reasons.render(reasons),
                events);
    }
}
