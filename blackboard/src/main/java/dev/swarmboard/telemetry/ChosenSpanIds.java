package dev.swarmboard.telemetry;

import io.opentelemetry.sdk.trace.IdGenerator;

/**
 * Random ids, except for the one span id a thread chose just before starting a span ({@link Tracing#startAs}):
 * how a span gets the id a pure decision already wrote into its event's traceparent.
 */
final class ChosenSpanIds implements IdGenerator {

    static final ChosenSpanIds INSTANCE = new ChosenSpanIds();

    private final ThreadLocal<String> chosen = new ThreadLocal<>();

    @Override
    public String generateSpanId() {
        String next = chosen.get();
        if (next != null) {
            chosen.remove();
            return next;
        }
        return IdGenerator.random().generateSpanId();
    }

    @Override
    public String generateTraceId() {
        return IdGenerator.random().generateTraceId();
    }

    void choose(String spanId) {
        chosen.set(spanId);
    }

    void clear() {
        chosen.remove();
    }
}
