package dev.swarmboard.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.List;
import java.util.Map;

/**
 * One service's tracer and the W3C {@code traceparent} strings that carry a mission's trace across
 * Kafka: {@link #start} opens a span as the child of the traceparent an input record carried, and the
 * {@link Hop}'s own traceparent goes on every record the hop writes. With tracing off the same calls
 * still hand the incoming traceparent on (or a fresh one at the root), so every header
 * carries the mission's trace id either way.
 */
public final class Tracing implements AutoCloseable {

    /** Instrumentation scope of every Swarmboard span. */
    public static final String SCOPE = "dev.swarmboard";

    private static final Tracing OFF = new Tracing(OpenTelemetry.noop(), null);

    private final Tracer tracer;
    private final OpenTelemetrySdk sdk;

    private Tracing(OpenTelemetry openTelemetry, OpenTelemetrySdk sdk) {
        this.tracer = openTelemetry.getTracer(SCOPE);
        this.sdk = sdk;
    }

    /** No spans; traceparents are handed on unchanged. */
    public static Tracing off() {
        return OFF;
    }

    /** Spans through the given OpenTelemetry (a test's SDK); closing it stays with the caller. */
    public static Tracing of(OpenTelemetry openTelemetry) {
        return new Tracing(openTelemetry, null);
    }

    /** The service's tracing as the standard {@code OTEL_*} variables in {@code env} configure it ({@link TracingSettings}). */
    public static Tracing forService(String service, Map<String, String> env) {
        TracingSettings settings = TracingSettings.of(service, env);
        if (!settings.enabled()) {
            return OFF;
        }
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(settings::properties)
                .addTracerProviderCustomizer((builder, config) -> builder.setIdGenerator(ChosenSpanIds.INSTANCE))
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
        return new Tracing(sdk, sdk);
    }

    public boolean enabled() {
        return sdk != null;
    }

    /** A span that starts a trace (the submission of a mission). */
    public Hop root(String name, SpanKind kind) {
        return start(name, kind, null);
    }

    /** A span whose parent is the W3C {@code parentTraceparent} (null or malformed: a new trace). */
    public Hop start(String name, SpanKind kind, String parentTraceparent) {
        Context parent = Traceparents.extract(parentTraceparent);
        Span span = tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
        SpanContext context = span.getSpanContext();
        String traceparent = context.isValid() ? Traceparents.format(context)
                : Traceparents.orFresh(parentTraceparent);
        return new Hop(span, traceparent);
    }

    /**
     * A span, the child of {@code parentTraceparent}, whose own traceparent is {@code chosenTraceparent} (one a pure
     * decision derived, {@link Traceparents#derivedChild}): the span id is taken from it when this tracing's SDK
     * came from {@link #forService}; with tracing off the hop carries {@code chosenTraceparent} as it is.
     */
    public Hop startAs(String name, SpanKind kind, String parentTraceparent, String chosenTraceparent) {
        String spanId = Traceparents.spanId(chosenTraceparent);
        if (spanId == null || sdk == null) {
            Hop hop = start(name, kind, parentTraceparent);
            return chosenTraceparent == null ? hop : new Hop(hop.span(), chosenTraceparent);
        }
        ChosenSpanIds.INSTANCE.choose(spanId);
        try {
            return start(name, kind, parentTraceparent);
        } finally {
            ChosenSpanIds.INSTANCE.clear();
        }
    }

    /** Flushes and stops the service's exporter. */
    @Override
    public void close() {
        if (sdk != null) {
            sdk.close();
        }
    }

    /** Reads the one traceparent a carrier holds. */
    static final class SingleValue implements TextMapGetter<String> {
        static final SingleValue INSTANCE = new SingleValue();

        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(Traceparents.HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return Traceparents.HEADER.equals(key) ? carrier : null;
        }
    }

    static W3CTraceContextPropagator propagator() {
        return W3CTraceContextPropagator.getInstance();
    }
}
