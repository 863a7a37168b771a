package dev.swarmboard.orchestrator.validation;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.orchestrator.plan.OrchestrateLane;
import dev.swarmboard.orchestrator.workflow.MissionPhases;
import dev.swarmboard.orchestrator.plan.RoutedLane;
import dev.swarmboard.orchestrator.plan.StageRouter;
import dev.swarmboard.orchestrator.validation.ScopeRules.Containment;
import dev.swarmboard.orchestrator.workflow.Workflow;
import dev.swarmboard.orchestrator.workflow.WorkflowCatalogue;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of a mission's explicit lanes: ids, objectives, roles, tools, allowed capabilities,
 * scope containment and workflow routing. Lanes that pass are routed for the planner.
 */
final class LaneChecks {

    private final CapabilityRegistry registry;
    private final WorkflowCatalogue workflows;
    private final StageRouter router;
    private final MissionSpec spec;
    private final Optional<Workflow> missionWorkflow;
    private final Map<String, Workflow> used = new LinkedHashMap<>();

    LaneChecks(CapabilityRegistry registry, WorkflowCatalogue workflows, StageRouter router, MissionSpec spec,
               Optional<Workflow> missionWorkflow) {
        this.registry = registry;
        this.workflows = workflows;
        this.router = router;
        this.spec = spec;
        this.missionWorkflow = missionWorkflow;
    }

    /** Checks every lane, adding reasons; returns the lanes that could be routed. */
    List<RoutedLane> check(List<Reason> rejections, List<Reason> undecidable) {
        Set<String> ids = new HashSet<>();
        List<RoutedLane> routed = new ArrayList<>();
        for (int i = 0; i < spec.getLanes().size(); i++) {
            LaneSpec lane = spec.getLanes().get(i);
            String field = "lanes[" + i + "]";
            checkIdentity(lane, field, ids, rejections);
            checkRole(lane, field, rejections);
            checkTools(lane, field, rejections);
            checkScope(lane, field, rejections, undecidable);
            workflow(lane, field, rejections).ifPresent(workflow -> {
                RoutedLane route = router.route(lane, workflow, field, spec.getWorkspace());
                rejections.addAll(route.unknowns());
                allowed(spec.getConstraints(), route, field, rejections);
                routed.add(route);
            });
        }
        return routed;
    }

    /** The workflows the lanes use, for the inputs check. */
    List<Workflow> workflowsUsed() {
        return List.copyOf(used.values());
    }

    /** Each model a routed lane would call must be an allowed capability, when the mission lists any. */
    static void allowed(Constraints constraints, RoutedLane lane, String field, List<Reason> rejections) {
        List<String> allowed = constraints.getAllowedCapabilities();
        lane.modelKeys().stream().filter(key -> !allowed.isEmpty() && !allowed.contains(key)).forEach(key ->
                rejections.add(Reasons.of(ReasonCode.CAPABILITY_NOT_ALLOWED, field, "lane " + lane.lane().getLaneId()
                        + " would call model '" + key + "', which constraints.allowed_capabilities does not list")));
    }

    private static void checkIdentity(LaneSpec lane, String field, Set<String> ids, List<Reason> rejections) {
        if (!MissionValidator.ID.matcher(lane.getId()).matches() || lane.getId().equals(OrchestrateLane.LANE_ID)
                || lane.getId().equals(MissionPhases.AUDIT_LANE)) {
            rejections.add(Reasons.of(ReasonCode.INVALID_ID, field + ".id", "lane id '" + lane.getId()
                    + "' must be letters, digits, '.', '_' or '-' and not '" + OrchestrateLane.LANE_ID + "' or '"
                    + MissionPhases.AUDIT_LANE + "'"));
        } else if (!ids.add(lane.getId())) {
            rejections.add(Reasons.of(ReasonCode.DUPLICATE_LANE_ID, field + ".id", "lane id '" + lane.getId()
                    + "' is used by an earlier lane"));
        }
        if (lane.getObjective().isBlank()) {
            rejections.add(Reasons.of(ReasonCode.EMPTY_OBJECTIVE, field + ".objective", "the lane has no objective"));
        }
    }

    private void checkRole(LaneSpec lane, String field, List<Reason> rejections) {
        if (registry.modelKeyForRole(lane.getRole()).isEmpty()) {
            rejections.add(Reasons.of(ReasonCode.UNKNOWN, field + ".role", "no model serves role '" + lane.getRole()
                    + "': the registry does not list it" + (registry.defaultForUnknownRoles() ? ""
                    : " and does not let roles.default serve unknown roles"), "registry entry roles." + lane.getRole(),
                    "registry entries roles.default and " + CapabilityRegistry.DEFAULT_FOR_UNKNOWN_ROLES + ": true"));
        }
    }

    private void checkTools(LaneSpec lane, String field, List<Reason> rejections) {
        List<String> allowed = spec.getConstraints().getAllowedCapabilities();
        for (int j = 0; j < lane.getTools().size(); j++) {
            String tool = lane.getTools().get(j);
            String toolField = field + ".tools[" + j + "]";
            if (registry.tool(tool).isEmpty()) {
                rejections.add(Reasons.of(ReasonCode.UNKNOWN, toolField, "unknown tool '" + tool + "'",
                        "registry entry tools." + tool));
            } else if (!allowed.isEmpty() && !allowed.contains(tool)) {
                rejections.add(Reasons.of(ReasonCode.CAPABILITY_NOT_ALLOWED, toolField, "tool '" + tool
                        + "' is not in constraints.allowed_capabilities"));
            }
        }
    }

    private void checkScope(LaneSpec lane, String field, List<Reason> rejections, List<Reason> undecidable) {
        List<String> missionScope = spec.getConstraints().getScope();
        for (int j = 0; j < lane.getScope().size(); j++) {
            String entry = lane.getScope().get(j);
            String entryField = field + ".scope[" + j + "]";
            Containment containment = ScopeRules.check(missionScope, entry);
            if (containment == Containment.OUTSIDE) {
                rejections.add(Reasons.of(ReasonCode.SCOPE_OUTSIDE_MISSION, entryField, "'" + entry
                        + "' is not inside the mission scope " + missionScope));
            } else if (containment == Containment.UNDECIDABLE) {
                undecidable.add(Reasons.of(ReasonCode.UNKNOWN, entryField, "whether the pattern '" + entry
                        + "' stays inside the mission scope " + missionScope + " cannot be decided by prefix",
                        "a person confirming " + entryField + " lies inside constraints.scope"));
            }
        }
    }

    private Optional<Workflow> workflow(LaneSpec lane, String field, List<Reason> rejections) {
        if (lane.getWorkflow() == null) {
            missionWorkflow.ifPresent(workflow -> used.put(workflow.name(), workflow));
            return missionWorkflow;
        }
        Optional<Workflow> workflow = workflows.find(lane.getWorkflow());
        if (workflow.isEmpty()) {
            rejections.add(MissionValidator.unknownWorkflow(workflows, field + ".workflow", lane.getWorkflow()));
        }
        workflow.ifPresent(found -> used.put(found.name(), found));
        return workflow;
    }
}
