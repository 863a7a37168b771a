package dev.swarmboard.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.util.List;

/**
 * One span of a mission's trace, and the traceparent the records it writes carry. Attributes name the
 * mission, lane and stage; a model call's follow the OpenTelemetry GenAI conventions ({@link #modelCall},
 * {@link #modelUsage}) and never carry a prompt, an output or a key.
 */
public final class Hop implements AutoCloseable {

    public static final String MISSION = "swarm.mission.id";
    public static final String LANE = "swarm.lane.id";
    public static final String ATTEMPT = "swarm.lane.attempt";
    public static final String STAGE = "swarm.stage";

    private final Span span;
    private final String traceparent;

    Hop(Span span, String traceparent) {
        this.span = span;
        this.traceparent = traceparent;
    }

    Span span() {
        return span;
    }

    /** The W3C traceparent of this span, for the header of every record written inside it. */
    public String traceparent() {
        return traceparent;
    }

    public Hop set(String key, String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
        return this;
    }

    public Hop set(String key, long value) {
        span.setAttribute(key, value);
        return this;
    }

    /** The request side of a GenAI client span: operation, provider and requested model. */
    public Hop modelCall(String provider, String requestModel, long maxTokens) {
        set("gen_ai.operation.name", "chat");
        set("gen_ai.provider.name", provider);
        set("gen_ai.system", provider);
        set("gen_ai.request.model", requestModel);
        return set("gen_ai.request.max_tokens", maxTokens);
    }

    /** The response side of a GenAI client span: the model that answered, token usage and finish reasons. */
    public Hop modelUsage(String responseModel, long inputTokens, long outputTokens, List<String> finishReasons) {
        set("gen_ai.response.model", responseModel);
        set("gen_ai.usage.input_tokens", inputTokens);
        set("gen_ai.usage.output_tokens", outputTokens);
        if (!finishReasons.isEmpty()) {
            span.setAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), finishReasons);
        }
        return this;
    }

    /** Marks the span failed with a reason (never a secret: callers pass the redacted message). */
    public Hop fail(String errorType, String reason) {
        set("error.type", errorType);
        span.setStatus(StatusCode.ERROR, reason == null ? "" : reason);
        return this;
    }

    @Override
    public void close() {
        span.end();
    }
}
