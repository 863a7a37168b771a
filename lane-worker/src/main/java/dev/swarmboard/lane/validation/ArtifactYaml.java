package dev.swarmboard.lane.validation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an artifact's YAML text without ever throwing: a tree, or the reason it is not YAML. Also finds
 * the evidence a model cited inside an artifact: every {@code evidence_refs} list anywhere in the tree.
 */
public final class ArtifactYaml {

    /** The key under which an artifact cites blackboard evidence. */
    public static final String EVIDENCE_KEY = "evidence_refs";

    private static final YAMLMapper YAML = new YAMLMapper();

    private ArtifactYaml() {
    }

    /** The parsed tree, or the reason (with line) it does not parse; an empty document is an error. */
    public static Parsed parse(String text) {
        try {
            JsonNode tree = YAML.readTree(text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return new Parsed(Optional.empty(), "the document is empty");
            }
            return new Parsed(Optional.of(tree), "");
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new Parsed(Optional.empty(), "not YAML at line " + line + ": " + e.getOriginalMessage());
        }
    }

    /** Every item of every {@code evidence_refs} list in the tree, in document order. */
    public static List<JsonNode> citedEvidence(JsonNode tree) {
        List<JsonNode> items = new ArrayList<>();
        collect(tree, items);
        return items;
    }

    private static void collect(JsonNode node, List<JsonNode> items) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (EVIDENCE_KEY.equals(field.getKey()) && field.getValue().isArray()) {
                    field.getValue().forEach(items::add);
                } else {
                    collect(field.getValue(), items);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, items));
        }
    }

    /** A parse result: the tree, or the error. */
    public record Parsed(Optional<JsonNode> tree, String error) {

        public boolean ok() {
            return tree.isPresent();
        }
    }
}
