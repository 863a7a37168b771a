package dev.swarmboard.lane.model;

import java.util.List;
import java.util.Objects;

/**
 * What a model answered, with the facts a receipt records: the model that answered, token counts, cost,
 * latency of the whole call (retries included) and the flags of what happened on the way.
 */
public record ModelResponse(
        String content,
        String model,
        long tokensIn,
        long tokensOut,
        double costUsd,
        long latencyMs,
        List<String> flags) {

    public ModelResponse {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(model, "model");
        flags = List.copyOf(flags);
    }
}
