package dev.swarmboard.orchestrator.workflow;

import dev.swarmboard.capability.Parsed;
import dev.swarmboard.capability.YamlDocument;
import dev.swarmboard.capability.YamlMapping;
import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.StageType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one workflow YAML document, fail-closed: every error is collected with its path and line,
 * and a document with any error yields no workflow. The format is described in docs/workflows.md.
 */
public final class WorkflowReader {

    /** The name of the built-in planning lane; no workflow file may take it. */
    public static final String RESERVED_NAME = "orchestrate";

    private static final Set<String> KEYS = Set.of("name", "description", "inputs", "phases", "checks", MissionPhaseReader.BEFORE_KEY,
            MissionPhaseReader.AUDIT_KEY);
    private static final Set<String> CHECKS = Set.of(Workflow.RED_GREEN);
    private static final Set<String> EXPECTATIONS = Set.of("red", "green");
    private static final Set<String> PHASE_KEYS =
            Set.of("name", "type", "role", "models", "judge", "routes", "input", "output", "context", "tools",
                    "expect", "samples", "mode", "model", "max_tokens");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<StageType> TYPES =
            Set.of(StageType.SINGLE, StageType.ENSEMBLE, StageType.ROUTED, StageType.PARALLEL);
    private static final Set<ContextStrategy> CONTEXTS = Set.of(
            ContextStrategy.FRESH, ContextStrategy.SCOPED, ContextStrategy.DISTILLED, ContextStrategy.FULL);

    private WorkflowReader() {
    }

    public static Parsed<Workflow> read(String yaml) {
        YamlDocument document = YamlDocument.parse(yaml);
        Optional<YamlMapping> root = document.root();
        if (root.isEmpty()) {
            return new Parsed<>(Optional.empty(), document.errors());
        }
        YamlMapping workflow = root.get();
        workflow.rejectUnknownKeys(KEYS);
        String name = workflow.required("name", workflow.text("name")).orElse("");
        if (!name.isEmpty() && !NAME.matcher(name).matches()) {
            workflow.reject("name", "names may use only letters, digits, '.', '_' and '-'");
        } else if (RESERVED_NAME.equals(name)) {
            workflow.reject("name", "'" + RESERVED_NAME + "' is reserved for the built-in planning lane");
        }
        String description = workflow.text("description", "");
        List<String> inputs = workflow.texts("inputs").orElse(List.of());
        List<Phase> before = MissionPhaseReader.before(workflow);
        Set<String> missionInputs = MissionPhaseReader.inputNames(before);
        List<Phase> phases = phases(workflow, missionInputs);
        List<Phase> audit = MissionPhaseReader.audit(workflow, missionInputs);
        List<String> checks = workflow.texts("checks").orElse(List.of());
        checkDeclaredChecks(workflow, checks, phases);
        return document.result(() -> new Workflow(name, description, inputs, phases, checks,
                new MissionPhases(before, audit)));
    }

    /** Known checks only; {@code red_green} needs a red phase before a green one, each running the tests. */
    private static void checkDeclaredChecks(YamlMapping workflow, List<String> checks, List<Phase> phases) {
        checks.stream().filter(check -> !CHECKS.contains(check)).forEach(check ->
                workflow.reject("checks", "unknown check '" + check + "' (known: " + CHECKS + ")"));
        if (!checks.contains(Workflow.RED_GREEN)) {
            return;
        }
        int red = -1;
        int green = -1;
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            red = "red".equals(phase.expect()) && red < 0 ? i : red;
            green = "green".equals(phase.expect()) ? i : green;
            if (!phase.expect().isEmpty() && !phase.tools().contains(Phase.WORKSPACE_TESTS)) {
                workflow.reject("phases", "phase " + phase.name() + " expects " + phase.expect()
                        + " but does not run the tests (tools: [" + Phase.WORKSPACE_TESTS + "])");
            }
        }
        if (red < 0 || green < red) {
            workflow.reject("checks", Workflow.RED_GREEN + " needs a phase with expect: red followed by one with"
                    + " expect: green");
        }
    }

    private static List<Phase> phases(YamlMapping workflow, Set<String> missionInputs) {
        List<YamlMapping> mappings = workflow.required("phases", workflow.mappings("phases")).orElse(List.of());
        if (workflow.has("phases") && mappings.isEmpty()) {
            workflow.reject("phases", "must not be empty");
        }
        return readPhases(mappings, missionInputs);
    }

    /**
     * Reads a list of phases: unique names and outputs, each input an earlier output or one of the
     * {@code missionInputs} ({@code mission.<phase>}).
     */
    static List<Phase> readPhases(List<YamlMapping> mappings, Set<String> missionInputs) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> outputs = new LinkedHashSet<>();
        List<Phase> phases = new ArrayList<>();
        for (YamlMapping mapping : mappings) {
            readPhase(mapping, outputs, missionInputs).ifPresent(phase -> {
                if (!names.add(phase.name())) {
                    mapping.reject("name", "duplicate phase name");
                }
                outputs.add(phase.output());
                phases.add(phase);
            });
        }
        return phases;
    }

    private static Optional<Phase> readPhase(YamlMapping phase, Set<String> earlierOutputs,
                                             Set<String> missionInputs) {
        phase.rejectUnknownKeys(PHASE_KEYS);
        Optional<String> name = phase.required("name", phase.text("name"));
        Optional<StageType> type = phase.required("type", phase.text("type"))
                .flatMap(text -> symbol(phase, "type", text, TYPES));
        ContextStrategy context = phase.text("context")
                .flatMap(text -> symbol(phase, "context", text, CONTEXTS))
                .orElse(ContextStrategy.FRESH);
        String input = phase.text("input", "");
        if (MissionPhases.isMissionInput(input) && !missionInputs.contains(input)) {
            phase.reject("input", "must name an earlier mission-level phase " + missionInputs);
        } else if (!input.isEmpty() && !MissionPhases.isMissionInput(input) && !earlierOutputs.contains(input)) {
            phase.reject("input", "must be the output of an earlier phase " + earlierOutputs
                    + (missionInputs.isEmpty() ? "" : " or a mission-level phase " + missionInputs));
        }
        Optional<String> output = phase.required("output", phase.text("output"));
        output.filter(earlierOutputs::contains)
                .ifPresent(duplicate -> phase.reject("output", "duplicate output artifact"));
        List<String> models = phase.texts("models").orElse(List.of());
        Optional<String> judge = phase.text("judge");
        List<Phase.Route> routes = routes(phase);
        EnsembleShape ensemble = EnsembleShapeReader.read(phase, type.orElse(null), models.size());
        type.ifPresent(kind -> checkShape(phase, kind, models, routes));
        if (name.isEmpty() || type.isEmpty() || output.isEmpty()) {
            return Optional.empty();
        }
        String role = phase.text("role", type.get() == StageType.SINGLE ? "" : name.get());
        List<String> tools = phase.texts("tools").orElse(List.of());
        String expect = phase.text("expect", "");
        if (!expect.isEmpty() && !EXPECTATIONS.contains(expect)) {
            phase.reject("expect", "must be one of " + EXPECTATIONS);
        }
        String model = phase.text("model", "");
        if (!model.isEmpty() && type.get() != StageType.SINGLE) {
            phase.reject("model", "only a single phase names one model; list models for a " + type.get().name()
                    .toLowerCase(Locale.ROOT) + " phase");
        }
        Integer maxTokens = phase.positiveInt("max_tokens").orElse(null);
        return Optional.of(new Phase(name.get(), type.get(), role, models, judge.orElse(null), routes, input,
                output.get(), context, tools, expect, ensemble, model, maxTokens));
    }

    private static List<Phase.Route> routes(YamlMapping phase) {
        List<Phase.Route> routes = new ArrayList<>();
        phase.mapping("routes").ifPresent(mapping -> mapping.keys().forEach(category ->
                mapping.text(category).ifPresent(target -> routes.add(new Phase.Route(category, target)))));
        return routes;
    }

    /** Which keys each phase type needs and which it must not have. */
    private static void checkShape(YamlMapping phase, StageType type, List<String> models, List<Phase.Route> routes) {
        switch (type) {
            case SINGLE -> {
                phase.required("role", phase.text("role"));
                forbid(phase, type, "models", "judge", "routes");
            }
            case ENSEMBLE -> {
                phase.required("judge", phase.text("judge"));
                forbid(phase, type, "routes");
            }
            case ROUTED -> {
                if (routes.isEmpty()) {
                    phase.reject("routes", "a routed phase needs at least one category");
                }
                forbid(phase, type, "models", "judge");
            }
            case PARALLEL -> {
                atLeastTwo(phase, "models", models.size());
                forbid(phase, type, "judge", "routes");
            }
            default -> phase.reject("type", "unsupported phase type " + type);
        }
    }

    private static void atLeastTwo(YamlMapping phase, String key, int count) {
        if (count < 2) {
            phase.reject(key, "needs at least two entries (model keys or roles)");
        }
    }

    private static void forbid(YamlMapping phase, StageType type, String... keys) {
        for (String key : keys) {
            if (phase.has(key)) {
                phase.reject(key, "not allowed in a " + type.name().toLowerCase(Locale.ROOT) + " phase");
            }
        }
    }

    private static <E extends Enum<E>> Optional<E> symbol(YamlMapping mapping, String key, String text,
                                                         Set<E> allowed) {
        for (E value : allowed) {
            if (value.name().equalsIgnoreCase(text)) {
                return Optional.of(value);
            }
        }
        mapping.reject(key, "must be one of " + allowed.stream()
                .map(value -> value.name().toLowerCase(Locale.ROOT)).sorted().toList());
        return Optional.empty();
    }
}
