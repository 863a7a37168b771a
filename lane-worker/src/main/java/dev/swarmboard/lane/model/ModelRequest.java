package dev.swarmboard.lane.model;

import dev.swarmboard.capability.ModelSpec;
import java.util.List;
import java.util.Objects;

/** One model call: the registered model (key and spec), the messages, the token cap and the call's key. */
public record ModelRequest(ModelSpec spec, String modelKey, List<ChatMessage> messages, int maxTokens, CallKey key) {

    public ModelRequest {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(modelKey, "modelKey");
        Objects.requireNonNull(key, "key");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a model call needs at least one message");
        }
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be > 0");
        }
    }
}
