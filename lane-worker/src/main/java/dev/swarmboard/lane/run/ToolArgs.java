package dev.swarmboard.lane.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmboard.lane.validation.ArtifactYaml;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tool's arguments, taken from the stage's artifact: the mapping {@code tool_args.<tool>} at the top
 * level of the artifact or under its single top-level key. Values are scalars; the tool runner checks
 * each against the registry's pattern before anything runs. No mapping means no arguments.
 */
final class ToolArgs {

    static final String KEY = "tool_args";

    private ToolArgs() {
    }

    static Map<String, String> of(String artifactOutput, String tool) {
        Map<String, String> args = new TreeMap<>();
        ArtifactYaml.parse(artifactOutput).tree().ifPresent(tree -> {
            JsonNode node = tree.path(KEY).path(tool);
            if (node.isMissingNode() && tree.isObject() && tree.size() == 1) {
                node = tree.elements().next().path(KEY).path(tool);
            }
            node.fields().forEachRemaining(field -> {
                if (field.getValue().isValueNode()) {
                    args.put(field.getKey(), field.getValue().asText());
                }
            });
        });
        return args;
    }
}
