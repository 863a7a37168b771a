package dev.swarmboard.orchestrator.plan;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.orchestrator.validation.ReasonCode;
import dev.swarmboard.orchestrator.validation.Reasons;
import dev.swarmboard.orchestrator.workflow.Phase;
import dev.swarmboard.orchestrator.workflow.Workflow;
import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.ModelRoute;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.StagePlan;
import dev.swarmboard.schema.StageType;
import dev.swarmboard.schema.Workspace;
import dev.swarmboard.orchestrator.tokens.TokenDefaults;
import dev.swarmboard.orchestrator.tokens.TokenLimit;
import dev.swarmboard.schema.StageSetting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a lane and its workflow into stages with a routing table. A stage role is served by the
 * registry model of the stage's role if the registry lists it, else of the lane's role, else of
 * {@code default} when the registry opts in to serving unknown roles with it. Ensemble, parallel and
 * routed entries name a model key or, failing that, a role. A routed phase keeps only the route whose
 * category is the lane's role; a lane with no such route is {@code UNKNOWN} (never the first route).
 * The lane's tools run after the last stage unless phases name their own.
 */
public final class StageRouter {

    private final CapabilityRegistry registry;
    private final TokenDefaults tokenDefaults;
    private final Map<String, Integer> stageTokens;

    public StageRouter(CapabilityRegistry registry) {
        this(registry, TokenDefaults.NONE, Map.of());
    }

    /** A router whose token caps fall back to the environment's before the registry's ({@link TokenLimit}). */
    public StageRouter(CapabilityRegistry registry, TokenDefaults tokenDefaults, Map<String, Integer> stageTokens) {
        this.registry = registry;
        this.tokenDefaults = tokenDefaults;
        this.stageTokens = Map.copyOf(stageTokens);
    }

    /** This router with a mission's stage settings ({@code stages.<name>.max_tokens}), which win over all others. */
    public StageRouter forMission(List<StageSetting> stages) {
        Map<String, Integer> tokens = new HashMap<>();
        stages.stream().filter(stage -> stage.getMaxTokens() != null)
                .forEach(stage -> tokens.putIfAbsent(stage.getName(), stage.getMaxTokens()));
        return new StageRouter(registry, tokenDefaults, tokens);
    }

    public RoutedLane route(LaneSpec lane, Workflow workflow, String field) {
        return route(lane, workflow, field, null);
    }

    /**
     * Routes a lane of a mission with this workspace (null: artifact-only). A workspace's test tools join
     * the lane's tools; phases that name tools run them ({@code tests} = the workspace's test tools),
     * and when no phase names any, the lane's tools run after the last stage.
     */
    public RoutedLane route(LaneSpec lane, Workflow workflow, String field, Workspace workspace) {
        Routing routing = new Routing(field, lane.getRole());
        List<String> tests = workspace == null ? List.of() : workspace.getTests();
        Set<String> laneTools = new LinkedHashSet<>(lane.getTools());
        laneTools.addAll(tests);
        boolean phasesNameTools = workflow.phases().stream().anyMatch(phase -> !phase.tools().isEmpty());
        List<StagePlan> stages = new ArrayList<>();
        for (int i = 0; i < workflow.phases().size(); i++) {
            Phase phase = workflow.phases().get(i);
            boolean last = i == workflow.phases().size() - 1;
            List<String> tools = phasesNameTools ? expand(phase.tools(), tests)
                    : last ? List.copyOf(laneTools) : List.of();
            laneTools.addAll(tools);
            stages.add(stage(phase, tools, routing));
        }
        // lane tools and workspace tests are checked where they are written; here only what phases name
        laneTools.stream().filter(tool -> !lane.getTools().contains(tool) && !tests.contains(tool))
                .filter(tool -> registry.tool(tool).isEmpty()).forEach(tool -> routing.unknowns.add(
                Reasons.of(ReasonCode.UNKNOWN, field, "unknown tool '" + tool + "'", "registry entry tools." + tool)));
        PlannedLane planned = PlannedLane.newBuilder()
                .setLaneId(lane.getId())
                .setObjective(lane.getObjective())
                .setRole(lane.getRole())
                .setScope(lane.getScope())
                .setTools(List.copyOf(laneTools))
                .setStages(stages)
                .setRequiredArtifacts(workflow.outputs())
                .setRequireTestsGreen(laneTools.stream()
                        .anyMatch(tool -> registry.tool(tool).map(spec -> spec.tests()).orElse(false)))
                .setWorkspace(workspace)
                .setChecks(workflow.checks())
                .setAfter(lane.getAfter())
                .build();
        return new RoutedLane(planned, List.copyOf(routing.modelKeys), routing.tokens, routing.unknowns);
    }

    private static List<String> expand(List<String> phaseTools, List<String> tests) {
        Set<String> tools = new LinkedHashSet<>();
        phaseTools.forEach(tool -> tools.addAll(Phase.WORKSPACE_TESTS.equals(tool) ? tests : List.of(tool)));
        return List.copyOf(tools);
    }

    private StagePlan stage(Phase phase, List<String> tools, Routing routing) {
        List<ModelRoute> models = new ArrayList<>();
        ModelRoute judge = null;
        switch (phase.type()) {
            case SINGLE -> (phase.model().isEmpty() ? routing.byRole(phase, phase.role())
                    : routing.byModel(phase, phase.model())).ifPresent(models::add);
            case ENSEMBLE, PARALLEL -> phase.models()
                    .forEach(target -> routing.byTarget(phase, target).ifPresent(models::add));
            case ROUTED -> routing.routeFor(phase).flatMap(route -> routing.byTarget(phase, route.target())
                    .map(model -> ModelRoute.newBuilder(model).setCategory(route.category()).build()))
                    .ifPresent(models::add);
            default -> throw new IllegalArgumentException("phase " + phase.name() + " has no type");
        }
        if (phase.type() == StageType.ENSEMBLE) {
            judge = routing.byTarget(phase, phase.judge()).orElse(null);
            routing.tokens += (phase.ensemble().samples() - 1L) * models.stream().mapToLong(ModelRoute::getMaxTokens).sum();
        }
        return StagePlan.newBuilder()
                .setName(phase.name())
                .setType(phase.type())
                .setRole(phase.role())
                .setModels(models)
                .setJudge(judge)
                .setContext(phase.context())
                .setInput(phase.input())
                .setOutputArtifact(phase.output())
                .setTools(tools)
                .setExpect(phase.expect())
                .setSamples(phase.type() == StageType.ENSEMBLE ? phase.ensemble().samples() : 0)
                .setMode(phase.type() == StageType.ENSEMBLE ? phase.ensemble().mode().wireName() : "")
                .build();
    }

    /** What routing one lane collects: model keys, token needs, and what it could not resolve. */
    private final class Routing {
        private final String field;
        private final String laneRole;
        private final Set<String> modelKeys = new LinkedHashSet<>();
        private final List<Reason> unknowns = new ArrayList<>();
        private long tokens;

        Routing(String field, String laneRole) {
            this.field = field;
            this.laneRole = laneRole;
        }

        Optional<ModelRoute> byRole(Phase phase, String role) {
            Optional<String> key = listed(role).or(() -> listed(laneRole)).or(this::defaultForUnknown);
            if (key.isEmpty()) {
                unknowns.add(Reasons.of(ReasonCode.UNKNOWN, field, "stage " + phase.name() + ": no model serves role '"
                        + role + "', lane role '" + laneRole + "' or the default role",
                        "registry entry roles." + role, "registry entry roles." + laneRole,
                        "registry entries roles.default and " + CapabilityRegistry.DEFAULT_FOR_UNKNOWN_ROLES + ": true"));
            }
            return key.map(modelKey -> use(phase, modelKey));
        }

        Optional<ModelRoute> byModel(Phase phase, String modelKey) {
            if (registry.models().containsKey(modelKey)) {
                return Optional.of(use(phase, modelKey));
            }
            unknowns.add(Reasons.of(ReasonCode.UNKNOWN, field, "stage " + phase.name() + ": model '" + modelKey
                    + "' is not registered", "registry entry models." + modelKey));
            return Optional.empty();
        }

        Optional<ModelRoute> byTarget(Phase phase, String target) {
            if (registry.models().containsKey(target)) {
                return Optional.of(use(phase, target));
            }
            Optional<String> key = listed(target).or(this::defaultForUnknown);
            if (key.isEmpty()) {
                unknowns.add(Reasons.of(ReasonCode.UNKNOWN, field, "stage " + phase.name() + ": '" + target
                        + "' is neither a registered model nor a served role",
                        "registry entry models." + target, "registry entry roles." + target));
            }
            return key.map(modelKey -> use(phase, modelKey));
        }

        /** The route of a routed phase whose category is the lane's role; none is UNKNOWN, never the first. */
        Optional<Phase.Route> routeFor(Phase phase) {
            Optional<Phase.Route> route = phase.routes().stream()
                    .filter(candidate -> candidate.category().equals(laneRole)).findFirst();
            if (route.isEmpty()) {
                unknowns.add(Reasons.of(ReasonCode.UNKNOWN, field, "stage " + phase.name() + " routes by category "
                        + phase.routes().stream().map(Phase.Route::category).toList() + " and none is the lane's role '"
                        + laneRole + "'", "a route with category " + laneRole + " in phase " + phase.name()));
            }
            return route;
        }

        private Optional<String> defaultForUnknown() {
            return registry.defaultForUnknownRoles() ? listed(CapabilityRegistry.DEFAULT_ROLE) : Optional.empty();
        }

        private Optional<String> listed(String role) {
            return Optional.ofNullable(role).map(registry.roles()::get);
        }

        private ModelRoute use(Phase phase, String modelKey) {
            TokenLimit.Resolved cap = TokenLimit.resolve(phase.name(), Optional.ofNullable(stageTokens.get(phase.name())),
                    Optional.ofNullable(phase.maxTokens()), tokenDefaults, modelKey, registry.models().get(modelKey));
            ModelRoute route = ModelRoute.newBuilder(CapabilityRegistry.toRoute(modelKey, registry.models().get(modelKey)))
                    .setMaxTokens(cap.maxTokens()).setMaxTokensFrom(cap.source()).build();
            modelKeys.add(modelKey);
            tokens += route.getMaxTokens();
            return route;
        }
    }
}
