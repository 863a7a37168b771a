package dev.swarmboard.orchestrator.decision;

import dev.swarmboard.blackboard.Events;
import dev.swarmboard.orchestrator.state.MissionFold;
import dev.swarmboard.orchestrator.state.MissionPhase;
import dev.swarmboard.orchestrator.state.MissionState;
import dev.swarmboard.orchestrator.state.PlanProgress;
import dev.swarmboard.orchestrator.workflow.MissionPhases;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.MissionArtifact;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.IntegrationCompleted;
import dev.swarmboard.schema.event.QuorumReached;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit lane's task: once the plan in force passed (a PASS verdict, or for a workspace plan its
 * IntegrationCompleted), a plan with an audit lane sends it, attempt = the round, with the mission-level
 * artifacts and, for a workspace plan, the integrated diff as {@code mission.integration}. The audit
 * decides nothing: the verifier does not count it and the digest shows its text as advisory.
 */
final class AuditDecision {

    /** The audit task the event calls for, if it is the end of a passed plan that has an audit lane. */
    Optional<Outcome> decide(MissionState state, BlackboardEvent event, Emitter emitter) {
        if (state.phase() != MissionPhase.PASSED || state.progress().isEmpty()) {
            return Optional.empty();
        }
        PlanProgress progress = state.progress().get();
        Plan plan = progress.plan();
        if (plan.getAudit() == null) {
            return Optional.empty();
        }
        Object payload = event.getPayload();
        List<MissionArtifact> artifacts = new ArrayList<>(plan.getMissionArtifacts());
        int round;
        if (payload instanceof QuorumReached verdict && MissionFold.PASS.equals(verdict.getVerdict())
                && MissionFold.forLanePlanInForce(state, verdict.getPlanId()) && !progress.integrates()) {
            round = verdict.getRound();
        } else if (payload instanceof IntegrationCompleted integrated && progress.integrates()) {
            round = integrated.getRound();
            artifacts.add(new MissionArtifact(MissionPhases.INTEGRATION, "integrated_change",
                    Events.ref(event, "integrated_change"), integrated.getDiff()));
        } else {
            return Optional.empty();
        }
        RunLane task = RunLane.newBuilder(LaneTasks.task(state.spec().orElseThrow(), plan, plan.getAudit(), round,
                plan.getAudit().getScope(), List.of(), emitter.now(), emitter.traceparent())).setMissionArtifacts(artifacts)
                .build();
        return Optional.of(new Outcome(List.of(), List.of(task), "round " + round + " passed: auditing the change"
                + " (advisory)"));
    }
}
