package dev.swarmboard.digest.publish;

import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.phase.MissionPhaseNames;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.verifier.quorum.ReplayedVerdict;
import java.util.List;
import java.util.Optional;

/**
 * The audit lane's end, for a plan that has one: the first LaneYielded or LaneFailed of lane
 * {@value #LANE} at the verdict's round. The digest waits for it (the orchestrator issues the audit
 * after the PASS, or after the integration) and shows the audit as advisory text; it never changes
 * whether the report may be published.
 */
public final class AuditOutcome {

    /** The audit lane's id, as the orchestrator plans it. */
    public static final String LANE = MissionPhaseNames.AUDIT_LANE;

    private AuditOutcome() {
    }

    /** Whether the verdict's plan has an audit lane. */
    public static boolean planned(ReplayedVerdict replayed) {
        Plan plan = ((PlanIssued) replayed.planEvent().getPayload()).getPlan();
        return plan.getAudit() != null;
    }

    /** The position of the audit's outcome for this round, if it has ended. */
    public static Optional<Integer> position(List<RecordedEvent> events, int round) {
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent event = events.get(i);
            Object payload = event.event().getPayload();
            boolean outcome = payload instanceof LaneYielded || payload instanceof LaneFailed;
            if (outcome && LANE.equals(event.event().getHeader().getLaneId())
                    && event.event().getHeader().getAttempt() == round) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
