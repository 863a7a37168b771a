package dev.swarmboard.orchestrator.plan;

import dev.swarmboard.orchestrator.workflow.MissionPhases;
import dev.swarmboard.orchestrator.workflow.Workflow;
import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Plan;
import java.util.List;
import java.util.Optional;

/**
 * The audit lane of a mission whose workflow declares {@code audit} phases: lane
 * {@value MissionPhases#AUDIT_LANE} (role {@value MissionPhases#AUDIT_ROLE}) that reviews the passed
 * (and, with a workspace, integrated) change after the verdict. Its artifact is advisory text in the
 * report; it never decides PASS or FAIL, and the verifier does not count it.
 */
public final class AuditLanes {

    private AuditLanes() {
    }

    /** The audit lane routed against the registry, when the mission's workflow has audit phases. */
    public static Optional<RoutedLane> route(StageRouter router, MissionSpec mission, Optional<Workflow> workflow) {
        return workflow.filter(found -> !found.mission().audit().isEmpty()).map(found -> router.route(
                lane(mission, found), new Workflow(MissionPhases.AUDIT_LANE, "Audit of " + found.name(), List.of(),
                        found.mission().audit()), "audit"));
    }

    /** The plan with its audit lane set (unchanged when there is none). */
    public static Plan attach(Plan plan, Optional<RoutedLane> audit) {
        return audit.map(routed -> Plan.newBuilder(plan).setAudit(routed.lane()).build()).orElse(plan);
    }

    private static LaneSpec lane(MissionSpec mission, Workflow workflow) {
        return LaneSpec.newBuilder()
                .setId(MissionPhases.AUDIT_LANE)
                .setObjective("Audit the mission's passed change against its goal and plan; your review is advisory"
                        + " text for the report and decides nothing.")
                .setRole(MissionPhases.AUDIT_ROLE)
                .setScope(mission.getConstraints().getScope())
                .setTools(List.of())
                .setWorkflow(workflow.name())
                .build();
    }
}
