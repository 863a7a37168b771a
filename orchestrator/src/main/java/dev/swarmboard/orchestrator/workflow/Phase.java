package dev.swarmboard.orchestrator.workflow;

import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.StageType;
import java.util.List;
import java.util.Objects;

/**
 * One phase of a workflow: how it uses models ({@code single} role, {@code ensemble} proposers and a
 * judge, {@code routed} categories, {@code parallel} models), the artifact it reads and the one it
 * writes, and the context it may see. Model entries name a registry model key or a role. {@code tools}
 * run after the phase ({@value #WORKSPACE_TESTS} = the workspace's test tools); {@code expect} is what
 * those test runs must show ({@code red}, {@code green}) for a workflow that declares {@code red_green}.
 * {@code ensemble} is how an ensemble phase proposes: samples per model and parallel or sequential.
 * {@code model} (a registry model key, single phases only) serves the phase instead of its role's model;
 * {@code maxTokens} (null: unset) caps each of its model calls unless the mission's stage setting does.
 */
public record Phase(String name, StageType type, String role, List<String> models, String judge,
                    List<Route> routes, String input, String output, ContextStrategy context,
                    List<String> tools, String expect, EnsembleShape ensemble, String model,
                    Integer maxTokens) {

    /** The entry of {@code tools} that stands for the mission workspace's test tools. */
    public static final String WORKSPACE_TESTS = "tests";

    public Phase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        models = List.copyOf(models);
        routes = List.copyOf(routes);
        input = input == null ? "" : input;
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(context, "context");
        tools = List.copyOf(tools);
        expect = expect == null ? "" : expect;
        ensemble = ensemble == null ? EnsembleShape.DEFAULT : ensemble;
        model = model == null ? "" : model;
    }

    /** A phase with the default ensemble shape (one proposal per model, in parallel) and no model or token cap. */
    public Phase(String name, StageType type, String role, List<String> models, String judge,
                 List<Route> routes, String input, String output, ContextStrategy context,
                 List<String> tools, String expect) {
        this(name, type, role, models, judge, routes, input, output, context, tools, expect, EnsembleShape.DEFAULT,
                "", null);
    }

    /** The same phase reading another input (a mission-level input resolved to the planning lane's artifact). */
    public Phase withInput(String otherInput) {
        return new Phase(name, type, role, models, judge, routes, otherInput, output, context, tools, expect, ensemble,
                model, maxTokens);
    }

    /** A phase that runs no tools of its own and expects nothing of the tests. */
    public Phase(String name, StageType type, String role, List<String> models, String judge,
                 List<Route> routes, String input, String output, ContextStrategy context) {
        this(name, type, role, models, judge, routes, input, output, context, List.of(), "");
    }

    /** A single-model phase served by the model of {@code role}. */
    public static Phase single(String name, String role, String input, String output, ContextStrategy context) {
        return new Phase(name, StageType.SINGLE, role, List.of(), null, List.of(), input, output, context);
    }

    /** A task category of a routed phase and the model key or role that serves it. */
    public record Route(String category, String target) {
    }
}
