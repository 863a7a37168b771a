package dev.swarmboard.lane.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmboard.lane.validation.ArtifactYaml;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The edits a stage's artifact asks for, read from its YAML: under the artifact's top-level key (or at
 * the top level) either {@code changes:} — a list of {@link Edit} blocks — or {@code diff:}, one unified
 * diff as {@code git diff} prints it. Neither key means no change. A malformed block is a rejection
 * naming the block ({@code changes[2]}) and why; nothing is applied then.
 */
public record ChangeRequest(List<Edit> edits, String diff) {

    private static final Set<String> REPLACE = Set.of("path", "search", "replace");
    private static final Set<String> WRITE = Set.of("path", "content");
    private static final Set<String> DELETE = Set.of("path", "delete");

    public ChangeRequest {
        edits = List.copyOf(edits);
        diff = diff == null ? "" : diff;
    }

    public boolean isEmpty() {
        return edits.isEmpty() && diff.isBlank();
    }

    /** The request in an artifact's output, or the rejection of its format. */
    public static Outcome read(String artifactOutput) {
        Optional<JsonNode> tree = ArtifactYaml.parse(artifactOutput).tree();
        if (tree.isEmpty() || !tree.get().isObject()) {
            return Outcome.of(new ChangeRequest(List.of(), ""));
        }
        JsonNode node = tree.get();
        if (!node.has("changes") && !node.has("diff") && node.size() == 1 && node.elements().next().isObject()) {
            node = node.elements().next();
        }
        JsonNode changes = node.path("changes");
        JsonNode diff = node.path("diff");
        if (!changes.isMissingNode() && !diff.isMissingNode()) {
            return Outcome.rejected("changes", "give either changes: or diff:, not both");
        }
        if (!diff.isMissingNode()) {
            return diff.isTextual() ? Outcome.of(new ChangeRequest(List.of(), diff.asText()))
                    : Outcome.rejected("diff", "must be the text of one unified diff");
        }
        if (changes.isMissingNode() || changes.isNull()) {
            return Outcome.of(new ChangeRequest(List.of(), ""));
        }
        if (!changes.isArray()) {
            return Outcome.rejected("changes", "must be a list of {path, search, replace}, {path, content} or"
                    + " {path, delete: true}");
        }
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Outcome block = block(changes.get(i), "changes[" + i + "]");
            if (block.rejection().isPresent()) {
                return block;
            }
            edits.add(block.edit);
        }
        return Outcome.of(new ChangeRequest(edits, ""));
    }

    private static Outcome block(JsonNode item, String where) {
        if (!item.isObject() || !item.path("path").isTextual()) {
            return Outcome.rejected(where, "a block is a mapping with a text path");
        }
        Set<String> keys = new java.util.TreeSet<>();
        for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        String path = item.get("path").asText();
        if (keys.equals(REPLACE) && item.get("search").isTextual() && item.get("replace").isTextual()) {
            if (item.get("search").asText().isEmpty()) {
                return Outcome.rejected(where, "search text of " + path + " is empty");
            }
            return Outcome.block(new Edit.Replace(path, item.get("search").asText(), item.get("replace").asText()));
        }
        if (keys.equals(WRITE) && item.get("content").isTextual()) {
            return Outcome.block(new Edit.Write(path, item.get("content").asText()));
        }
        if (keys.equals(DELETE) && item.get("delete").isBoolean() && item.get("delete").asBoolean()) {
            return Outcome.block(new Edit.Delete(path));
        }
        return Outcome.rejected(where, "keys " + keys + " are none of {path, search, replace}, {path, content},"
                + " {path, delete: true}");
    }

    /** A request, or where and why its format is rejected. */
    public record Outcome(Optional<ChangeRequest> request, Optional<Rejection> rejection, Edit edit) {

        static Outcome of(ChangeRequest request) {
            return new Outcome(Optional.of(request), Optional.empty(), null);
        }

        static Outcome block(Edit edit) {
            return new Outcome(Optional.empty(), Optional.empty(), edit);
        }

        static Outcome rejected(String where, String why) {
            return new Outcome(Optional.empty(), Optional.of(new Rejection(where, why)), null);
        }
    }

    /** Why a change is not applied: the block ({@code changes[1]}, {@code diff}) and the reason. */
    public record Rejection(String block, String reason) {

        @Override
        public String toString() {
            return block + ": " + reason;
        }
    }
}
