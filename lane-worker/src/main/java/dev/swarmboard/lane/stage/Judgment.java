package dev.swarmboard.lane.stage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Optional;

/**
 * What an ensemble's judge said it did, read fail-closed from its answer: a {@code judgment} mapping
 * (at the top level or under the artifact key) with {@code picked: <proposal index>} (0-based, as the
 * proposals are labelled in its prompt) or {@code synthesized: true}, and its {@code reason}. An answer
 * that states neither, both, or an index that is not a proposal's is {@value #UNSTATED}, never guessed.
 */
public record Judgment(String verdict, Optional<String> reason) {

    public static final String SYNTHESIZED = "synthesized";
    public static final String UNSTATED = "unstated";
    public static final String PICKED_PREFIX = "picked:";

    /** The instruction that tells a judge how to state its judgment; appended to its system prompt. */
    public static final String INSTRUCTIONS = "Under the top-level key, state what you did as judgment: {picked:"
            + " <index of the proposal you chose, as labelled>, reason: <why>} or judgment: {synthesized: true,"
            + " reason: <why>}.";

    private static final YAMLMapper YAML = new YAMLMapper();

    public Judgment {
        reason = reason == null ? Optional.empty() : reason;
    }

    public static Judgment parse(String answer, String artifact, int proposals) {
        Optional<JsonNode> judgment = judgmentNode(answer, artifact);
        if (judgment.isEmpty()) {
            return new Judgment(UNSTATED, Optional.empty());
        }
        JsonNode node = judgment.get();
        Optional<String> reason = Optional.ofNullable(node.get("reason")).filter(JsonNode::isValueNode)
                .map(JsonNode::asText).filter(text -> !text.isBlank());
        JsonNode picked = node.get("picked");
        boolean synthesized = node.path("synthesized").isBoolean() && node.get("synthesized").booleanValue();
        if (picked != null && synthesized) {
            return new Judgment(UNSTATED, reason);
        }
        if (synthesized) {
            return new Judgment(SYNTHESIZED, reason);
        }
        if (picked != null && picked.isIntegralNumber() && picked.asInt() >= 0 && picked.asInt() < proposals) {
            return new Judgment(PICKED_PREFIX + picked.asInt(), reason);
        }
        return new Judgment(UNSTATED, reason);
    }

    private static Optional<JsonNode> judgmentNode(String answer, String artifact) {
        JsonNode root;
        try {
            root = YAML.readTree(answer);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        JsonNode top = root.get("judgment");
        JsonNode nested = root.path(artifact).get("judgment");
        JsonNode found = top != null ? top : nested;
        return Optional.ofNullable(found).filter(JsonNode::isObject);
    }
}
