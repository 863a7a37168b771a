package dev.swarmboard.lane.stage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins a parallel stage's outputs into its artifact, deterministically and in model order:
 * {@code <artifact>: {parallel: [{model_key, output}, …]}} as YAML, each output a literal block.
 */
public final class ParallelJoin {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();

    private ParallelJoin() {
    }

    /** One model's part of the join. */
    public record Part(String modelKey, String output) {
    }

    public static String join(String artifact, List<Part> parts) {
        List<Map<String, String>> entries = parts.stream().map(part -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("model_key", part.modelKey());
            entry.put("output", part.output());
            return entry;
        }).toList();
        try {
            return YAML.writeValueAsString(Map.of(artifact, Map.of("parallel", entries)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and lists always serialise to YAML", e);
        }
    }
}
