package dev.swarmboard.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * W3C trace-context strings ({@code 00-<trace id>-<span id>-<flags>}) as Swarmboard carries them: in the
 * Avro headers' {@code traceparent} field (the one source a consumer reads) and mirrored as the Kafka
 * record header {@value #HEADER} for tools that look there.
 */
public final class Traceparents {

    /** The Kafka record header and the W3C field name. */
    public static final String HEADER = "traceparent";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Traceparents() {
    }

    /** Adds the Kafka header when there is a traceparent. */
    public static void addHeader(Headers headers, String traceparent) {
        if (traceparent != null) {
            headers.remove(HEADER);
            headers.add(HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The Kafka header's traceparent, or null. */
    public static String header(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The trace id (32 hex digits) of a traceparent, or null when it is not a valid one. */
    public static String traceId(String traceparent) {
        SpanContext context = Span.fromContext(extract(traceparent)).getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

    static Context extract(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return Tracing.propagator().extract(Context.root(), traceparent, Tracing.SingleValue.INSTANCE);
    }

    static String format(SpanContext context) {
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** The parent when it is valid, else a new unsampled trace (tracing off at the root). */
    static String orFresh(String parent) {
        if (traceId(parent) != null) {
            return parent;
        }
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        SpanContext fresh = SpanContext.create(TraceId.fromBytes(trace), SpanId.fromBytes(span), TraceFlags.getDefault(),
                TraceState.getDefault());
        return fresh.isValid() ? format(fresh) : orFresh(null);
    }
}
