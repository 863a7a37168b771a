package dev.swarmboard.lane.run;

import dev.swarmboard.lane.model.ModelCallException;
import dev.swarmboard.lane.model.ModelProvider;
import dev.swarmboard.lane.model.ModelRequest;
import dev.swarmboard.lane.model.ModelResponse;
import dev.swarmboard.telemetry.Hop;
import dev.swarmboard.telemetry.SwarmMetrics;
import dev.swarmboard.telemetry.Tracing;
import io.opentelemetry.api.trace.SpanKind;
import java.time.Duration;
import java.util.List;

/**
 * One model call as a GenAI client span ({@code chat <model>}: provider, requested and answering model,
 * tokens in and out, finish reason; never the messages, the output or a key) and in the model-call
 * meters (latency, tokens, USD by model).
 */
final class ModelCallSpan {

    private static final String FINISH_LENGTH_FLAG = "finish_length";

    private ModelCallSpan() {
    }

    static ModelResponse complete(Tracing tracing, String parent, ModelProvider provider, ModelRequest request)
            throws ModelCallException {
        String model = request.spec().model();
        long started = System.nanoTime();
        try (Hop hop = tracing.start("chat " + model, SpanKind.CLIENT, parent)
                .modelCall(request.spec().provider().wireName(), model, request.maxTokens())
                .set(Hop.MISSION, request.key().missionId()).set(Hop.LANE, request.key().laneId())
                .set(Hop.STAGE, request.key().stage()).set("swarm.model.key", request.modelKey())) {
            try {
                ModelResponse response = provider.complete(request);
                hop.modelUsage(response.model(), response.tokensIn(), response.tokensOut(), finishReasons(response));
                SwarmMetrics.modelCall(request.modelKey(), "ok", elapsed(started), response.tokensIn(),
                        response.tokensOut(), response.costUsd());
                return response;
            } catch (ModelCallException e) {
                hop.fail("model_call_failed", e.getMessage());
                SwarmMetrics.modelCall(request.modelKey(), "failed", elapsed(started), 0, 0, 0);
                throw e;
            }
        }
    }

    /** {@code length} when the answer was cut at the token cap, else {@code stop}. */
    private static List<String> finishReasons(ModelResponse response) {
        return List.of(response.flags().contains(FINISH_LENGTH_FLAG) ? "length" : "stop");
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
