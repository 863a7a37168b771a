package dev.swarmboard.lane.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmboard.capability.Redactor;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** The OpenAI chat-completions wire format: the request body, and what is read from an answer or an error. */
final class ChatCompletions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_SNIPPET_CHARS = 300;

    /** What a successful answer holds; absent usage fields stay empty rather than becoming zero. */
    record Completion(String content, Optional<String> model, OptionalLong promptTokens,
            OptionalLong completionTokens, Optional<String> finishReason) {
    }

    private ChatCompletions() {
    }

    static String requestBody(String model, ModelRequest request, boolean jsonObjectFormat) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        request.messages().forEach(message -> messages.addObject()
                .put("role", message.role())
                .put("content", message.content()));
        body.put("max_tokens", request.maxTokens());
        if (jsonObjectFormat) {
            body.putObject("response_format").put("type", "json_object");
        }
        return body.toString();
    }

    /**
     * Reads an HTTP 2xx answer, every text field redacted after decoding (JSON escapes can hide a key
     * from a scan of the raw body); a body that is not a chat completion is a malformed answer.
     */
    static Optional<Completion> parse(String body, Redactor redactor) {
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode choice = root.path("choices").path(0);
            if (choice.isMissingNode()) {
                return Optional.empty();
            }
            JsonNode usage = root.path("usage");
            return Optional.of(new Completion(
                    text(choice.path("message").path("content")).map(redactor::redact).orElse(""),
                    text(root.path("model")).map(redactor::redact),
                    count(usage.path("prompt_tokens")),
                    count(usage.path("completion_tokens")),
                    text(choice.path("finish_reason")).map(redactor::redact)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * The provider's {@code error.message} when the body carries one, else the start of the body;
     * redacted first, then cut, so a cut can never leave a prefix of a key behind.
     */
    static String errorMessage(String body, Redactor redactor) {
        try {
            JsonNode message = JSON.readTree(body).path("error").path("message");
            if (message.isTextual()) {
                return snippet(redactor.redact(message.textValue()));
            }
        } catch (JsonProcessingException e) {
            // Not JSON: the raw body is the best description there is.
        }
        return snippet(redactor.redact(body));
    }

    static boolean rejectsResponseFormat(String body) {
        return body.toLowerCase(Locale.ROOT).contains("response_format");
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.textValue().isBlank() ? Optional.of(node.textValue()) : Optional.empty();
    }

    private static OptionalLong count(JsonNode node) {
        return node.canConvertToLong() && node.isIntegralNumber() ? OptionalLong.of(node.longValue()) : OptionalLong.empty();
    }

    private static String snippet(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= ERROR_SNIPPET_CHARS ? oneLine : oneLine.substring(0, ERROR_SNIPPET_CHARS) + "…";
    }
}
