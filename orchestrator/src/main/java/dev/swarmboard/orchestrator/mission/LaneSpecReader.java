package dev.swarmboard.orchestrator.mission;

import dev.swarmboard.capability.YamlMapping;
import dev.swarmboard.schema.LaneSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one lane mapping ({@code id, objective, role, scope, tools, workflow, after}) of a mission file or
 * of a planning lane's proposal. Type errors and unknown keys are recorded in the document.
 */
public final class LaneSpecReader {

    private static final Set<String> KEYS = Set.of("id", "objective", "role", "scope", "tools", "workflow", "after");

    private LaneSpecReader() {
    }

    public static Optional<LaneSpec> read(YamlMapping lane) {
        lane.rejectUnknownKeys(KEYS);
        Optional<String> id = lane.required("id", lane.text("id"));
        Optional<String> objective = lane.required("objective", lane.text("objective"));
        Optional<String> role = lane.required("role", lane.text("role"));
        List<String> scope = lane.texts("scope").orElse(List.of());
        List<String> tools = lane.texts("tools").orElse(List.of());
        Optional<String> workflow = lane.text("workflow");
        List<String> after = lane.texts("after").orElse(List.of());
        if (id.isEmpty() || objective.isEmpty() || role.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(LaneSpec.newBuilder()
                .setId(id.get())
                .setObjective(objective.get())
                .setRole(role.get())
                .setScope(scope)
                .setTools(tools)
                .setWorkflow(workflow.orElse(null))
                .setAfter(after)
                .build());
    }

    /** The lanes of a list that could be read; a lane with errors is left out, its errors are in the document. */
    public static List<LaneSpec> readAll(List<YamlMapping> lanes) {
        return lanes.stream().map(LaneSpecReader::read).flatMap(Optional::stream).toList();
    }
}
