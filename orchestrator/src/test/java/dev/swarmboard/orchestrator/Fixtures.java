package dev.swarmboard.orchestrator;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.capability.ModelSpec;
import dev.swarmboard.capability.Pricing;
import dev.swarmboard.capability.ToolSpec;
import dev.swarmboard.orchestrator.validation.MissionValidator;
import dev.swarmboard.orchestrator.workflow.WorkflowCatalogue;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.ContactPolicy;
import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.MissionSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared test data: a small capability registry (models {@code small} 1000 tokens and {@code big}
 * 2000 tokens; roles default, planner, perceive, react, engage, judge; tools unit-tests (a test
 * runner) and line-count), the example workflows, and a valid three-lane mission.
 */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    public static final Path EXAMPLES = Path.of("..", "examples");

    private Fixtures() {
    }

    public static CapabilityRegistry registry() {
        return registry(true);
    }

    /** The registry, with or without a {@code default} role that serves the roles it does not list. */
    public static CapabilityRegistry registry(boolean withDefault) {
        Map<String, String> roles = new HashMap<>(Map.of("planner", "big", "perceive", "small", "react", "small",
                "engage", "small", "judge", "big"));
        if (withDefault) {
            roles.put("default", "small");
        }
        return new CapabilityRegistry(
                Map.of("small", ModelSpec.scripted("scripted-small", 1000, Pricing.FREE, Path.of("small.yaml")),
                        "big", ModelSpec.scripted("scripted-big", 2000, Pricing.FREE, Path.of("big.yaml"))),
                roles,
                Map.of("unit-tests", tool("unit-tests", true), "line-count", tool("line-count", false)), withDefault);
    }

    public static WorkflowCatalogue workflows() {
        return WorkflowCatalogue.load(EXAMPLES.resolve("workflows"));
    }

    public static MissionValidator validator() {
        return new MissionValidator(registry(), workflows());
    }

    /** A valid mission: three prey lanes inside the mission scope, with budgets, deadline and contacts. */
    public static MissionSpec.Builder mission(String missionId) {
        return MissionSpec.newBuilder()
                .setMissionId(missionId)
                .setGoal("Write the release brief")
                .setLanes(List.of(
                        lane("overview", "writer", List.of("docs/architecture.md")),
                        lane("howto", "writer", List.of("docs/", "examples/")),
                        lane("gaps", "reviewer", List.of("docs/", "examples/missions/"))))
                .setConstraints(Constraints.newBuilder()
                        .setDeadline("PT30M")
                        .setTokenBudget(60_000L)
                        .setCostBudgetUsd(1.0)
                        .setScope(List.of("docs/", "examples/"))
                        .build())
                .setContactPolicy(new ContactPolicy("team@example.org", "oncall@example.org", "boss@example.org"));
    }

    public static LaneSpec lane(String id, String role, List<String> scope) {
        return LaneSpec.newBuilder().setId(id).setObjective("Do the " + id + " part").setRole(role).setScope(scope)
                .build();
    }

    private static ToolSpec tool(String name, boolean tests) {
        return new ToolSpec(name, List.of("true"), Map.of(), Path.of("."), Duration.ofSeconds(10), 4096, tests,
                List.of());
    }
}
