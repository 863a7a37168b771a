package dev.swarmboard.orchestrator.validation;

import dev.swarmboard.blackboard.EncodedSize;
import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.orchestrator.plan.AuditLanes;
import dev.swarmboard.orchestrator.plan.OrchestrateLane;
import dev.swarmboard.orchestrator.plan.Planner;
import dev.swarmboard.orchestrator.plan.RoutedLane;
import dev.swarmboard.orchestrator.plan.StageRouter;
import dev.swarmboard.orchestrator.tokens.TokenDefaults;
import dev.swarmboard.orchestrator.workflow.BuiltInWorkflows;
import dev.swarmboard.orchestrator.workflow.Workflow;
import dev.swarmboard.orchestrator.workflow.WorkflowCatalogue;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.KeyValue;
import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fail-closed validation of a mission against the capability registry and the workflows: every
 * reason is collected, each naming its field; anything unknown is {@code UNKNOWN} with the
 * witnesses that would resolve it. Pure: the same spec, registry and instants give the same answer,
 * so {@code swarm submit} and the orchestrator agree.
 */
public final class MissionValidator {

    /** Ids become parts of topic keys ({@code missionId/laneId}) and file names. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final CapabilityRegistry registry;
    private final WorkflowCatalogue workflows;
    private final StageRouter router;

    public MissionValidator(CapabilityRegistry registry, WorkflowCatalogue workflows) {
        this(registry, workflows, TokenDefaults.NONE);
    }

    /** A validator whose stage token caps fall back to the environment's ({@code SWARM_MAX_TOKENS} …). */
    public MissionValidator(CapabilityRegistry registry, WorkflowCatalogue workflows, TokenDefaults tokenDefaults) {
        this.registry = registry;
        this.workflows = workflows;
        this.router = new StageRouter(registry, tokenDefaults, Map.of());
    }

    public CapabilityRegistry registry() {
        return registry;
    }

    public WorkflowCatalogue workflows() {
        return workflows;
    }

    /** Validates a mission submitted at {@code submittedAt}, as of {@code now}. */
    public Validation validate(MissionSpec spec, Instant submittedAt, Instant now) {
        List<Reason> exceeded = MissionLimits.check(spec);
        if (!exceeded.isEmpty()) {
            // Over a limit, nothing else is checked: the other reasons could echo the oversized text.
            return new Validation(exceeded, List.of(), Optional.empty(), List.of());
        }
        Validation validation = validateWithinLimits(spec, submittedAt, now);
        if (validation.rejected()) {
            return new Validation(MissionLimits.capped(validation.rejections()),
                    MissionLimits.capped(validation.undecidable()), validation.deadline(), validation.lanes());
        }
        List<Reason> planTooLarge = MissionLimits.checkPlanSize(EncodedSize.of(Planner.plan(spec, validation, 1, null)));
        return planTooLarge.isEmpty() ? validation
                : new Validation(planTooLarge, List.of(), validation.deadline(), validation.lanes());
    }

    private Validation validateWithinLimits(MissionSpec spec, Instant submittedAt, Instant now) {
        List<Reason> rejections = new ArrayList<>();
        List<Reason> undecidable = new ArrayList<>();
        checkHeader(spec, rejections);
        Optional<Instant> deadline = deadline(spec.getConstraints(), submittedAt, now, rejections);
        Optional<Workflow> missionWorkflow = missionWorkflow(spec, rejections);
        EscalationChecks.check(spec, rejections);
        checkAllowedCapabilities(spec.getConstraints(), rejections);
        StageRouter router = this.router.forMission(spec.getStages());
        List<RoutedLane> lanes;
        if (spec.getLanes().isEmpty()) {
            lanes = List.of(router.route(OrchestrateLane.of(spec), OrchestrateLane.workflow(missionWorkflow), "lanes"));
            LaneChecks.allowed(spec.getConstraints(), lanes.get(0), "lanes", rejections);
            rejections.addAll(lanes.get(0).unknowns());
            checkInputs(spec, missionWorkflow.stream().toList(), rejections);
        } else {
            LaneChecks checks = new LaneChecks(registry, workflows, router, spec, missionWorkflow);
            lanes = checks.check(rejections, undecidable);
            checkCanary(spec, rejections);
            SequenceChecks.check(spec, rejections);
            checkInputs(spec, checks.workflowsUsed(), rejections);
        }
        StageSettingChecks.check(spec.getStages(), lanes, !spec.getLanes().isEmpty(), rejections);
        WorkspaceChecks.check(spec, registry, lanes, rejections);
        AuditLanes.route(router, spec, missionWorkflow).ifPresent(audit -> {
            rejections.addAll(audit.unknowns());
            LaneChecks.allowed(spec.getConstraints(), audit, "audit", rejections);
        });
        checkBudgets(spec.getConstraints(), lanes, rejections);
        return new Validation(rejections, undecidable, deadline, lanes);
    }

    /** The audit lane of a mission whose workflow declares audit phases (validated with the mission). */
    public Optional<RoutedLane> audit(MissionSpec spec) {
        String name = spec.getWorkflow() == null ? BuiltInWorkflows.PREY_NAME : spec.getWorkflow();
        return AuditLanes.route(router, spec, workflows.find(name));
    }

    /** Validates the lanes a planning lane proposed for the mission, with the mission's own constraints. */
    public Validation validateProposal(MissionSpec spec, List<LaneSpec> proposed, Instant submittedAt, Instant now) {
        return validate(MissionSpec.newBuilder(spec).setLanes(proposed).build(), submittedAt, now);
    }

    private void checkHeader(MissionSpec spec, List<Reason> rejections) {
        if (!ID.matcher(spec.getMissionId()).matches()) {
            rejections.add(Reasons.of(ReasonCode.INVALID_ID, "id", "mission id '" + spec.getMissionId()
                    + "' must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        if (spec.getGoal().isBlank()) {
            rejections.add(Reasons.of(ReasonCode.EMPTY_GOAL, "goal", "the mission has no goal"));
        }
        if (spec.getQuorumThreshold() < 1 || spec.getQuorumThreshold() > 3) {
            rejections.add(Reasons.of(ReasonCode.INVALID_QUORUM, "quorum_threshold", "must be 1, 2 or 3 of the 3"
                    + " validators, was " + spec.getQuorumThreshold()));
        }
        if (spec.getMaxReruns() < 0 || spec.getMaxReruns() > 3) {
            rejections.add(Reasons.of(ReasonCode.INVALID_MAX_RERUNS, "max_reruns", "must be 0..3, was "
                    + spec.getMaxReruns()));
        }
    }

    private static Optional<Instant> deadline(Constraints constraints, Instant submittedAt, Instant now,
                                              List<Reason> rejections) {
        if (constraints.getDeadline() == null) {
            return Optional.empty();
        }
        Optional<Instant> deadline = Deadlines.resolve(constraints.getDeadline(), submittedAt);
        if (deadline.isEmpty()) {
            rejections.add(Reasons.of(ReasonCode.INVALID_DEADLINE, "constraints.deadline", "'"
                    + constraints.getDeadline() + "' is neither an ISO-8601 instant (2030-01-01T12:00:00Z) nor a"
                    + " positive ISO-8601 duration (PT30M) ending between 1970 and " + Deadlines.LATEST));
        } else if (!deadline.get().isAfter(now)) {
            rejections.add(Reasons.of(ReasonCode.DEADLINE_PASSED, "constraints.deadline", "the deadline "
                    + deadline.get() + " is not after " + now));
        }
        return deadline;
    }

    private Optional<Workflow> missionWorkflow(MissionSpec spec, List<Reason> rejections) {
        String name = spec.getWorkflow() == null ? BuiltInWorkflows.PREY_NAME : spec.getWorkflow();
        Optional<Workflow> workflow = workflows.find(name);
        if (workflow.isEmpty()) {
            rejections.add(unknownWorkflow(workflows, "workflow", name));
        }
        return workflow;
    }

    static Reason unknownWorkflow(WorkflowCatalogue workflows, String field, String name) {
        return Reasons.of(ReasonCode.UNKNOWN, field, "unknown workflow '" + name + "' (known: "
                + String.join(", ", workflows.names()) + ")",
                "workflow file " + name + ".yaml in the workflows directory");
    }

    private void checkAllowedCapabilities(Constraints constraints, List<Reason> rejections) {
        List<String> allowed = constraints.getAllowedCapabilities();
        for (int i = 0; i < allowed.size(); i++) {
            String name = allowed.get(i);
            if (!registry.models().containsKey(name) && registry.tool(name).isEmpty()) {
                rejections.add(Reasons.of(ReasonCode.UNKNOWN, "constraints.allowed_capabilities[" + i + "]",
                        "'" + name + "' is neither a registered model nor a registered tool",
                        "registry entry models." + name, "registry entry tools." + name));
            }
        }
    }

    private static void checkCanary(MissionSpec spec, List<Reason> rejections) {
        String canary = spec.getCanaryLane();
        if (canary != null && !canary.equals("*")
                && spec.getLanes().stream().noneMatch(lane -> lane.getId().equals(canary))) {
            rejections.add(Reasons.of(ReasonCode.INVALID_CANARY, "canary_lane", "'" + canary
                    + "' is not a lane of the mission; use a lane id or '*'"));
        }
    }

    private static void checkInputs(MissionSpec spec, List<Workflow> used, List<Reason> rejections) {
        Set<String> declared = new LinkedHashSet<>();
        used.forEach(workflow -> declared.addAll(workflow.inputs()));
        Set<String> given = new HashSet<>();
        for (KeyValue input : spec.getWorkflowInputs()) {
            String field = "inputs." + input.getKey();
            if (!given.add(input.getKey())) {
                rejections.add(Reasons.of(ReasonCode.DUPLICATE_INPUT, field, "input given twice"));
            } else if (!declared.contains(input.getKey())) {
                rejections.add(Reasons.of(ReasonCode.UNDECLARED_INPUT, field, "no workflow of the mission declares"
                        + " this input (declared: " + declared + ")"));
            }
        }
        declared.stream().filter(name -> !given.contains(name)).forEach(name -> rejections.add(
                Reasons.of(ReasonCode.MISSING_INPUT, "inputs." + name, "a workflow of the mission needs this input")));
    }

    private static void checkBudgets(Constraints constraints, List<RoutedLane> lanes, List<Reason> rejections) {
        Long tokens = constraints.getTokenBudget();
        long cheapest = lanes.stream().mapToLong(RoutedLane::minimumTokens).filter(need -> need > 0).min().orElse(0);
        if (tokens != null && (tokens <= 0 || tokens < cheapest)) {
            rejections.add(Reasons.of(ReasonCode.BUDGET_IMPOSSIBLE, "constraints.token_budget", tokens
                    + " tokens cannot pay for one lane: the cheapest needs " + cheapest
                    + " at its stages' max_tokens"));
        }
        Double usd = constraints.getCostBudgetUsd();
        if (usd != null && !(usd >= 0)) {
            rejections.add(Reasons.of(ReasonCode.BUDGET_IMPOSSIBLE, "constraints.cost_budget_usd",
                    "a cost budget must be >= 0 USD, was " + usd));
        }
    }
}
