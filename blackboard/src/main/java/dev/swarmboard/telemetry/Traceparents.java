package dev.swarmboard.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
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

    /**
     * A child of {@code parent} whose span id is derived from {@code seed} (the first 8 bytes of its SHA-256), or
     * null without a valid parent: for a pure decision whose replay must give the same bytes (the verifier's
     * verdicts); {@link Tracing#startAs} opens the span with exactly that id.
     */
    public static String derivedChild(String parent, String seed) {
        SpanContext context = Span.fromContext(extract(parent)).getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        byte[] span = Arrays.copyOf(sha256(seed), 8);
        span[0] |= 1;  // never the invalid all-zero id
        return "00-" + context.getTraceId() + "-" + SpanId.fromBytes(span) + "-" + context.getTraceFlags().asHex();
    }

    /** The span id (16 hex digits) of a traceparent, or null when it is not a valid one. */
    public static String spanId(String traceparent) {
        SpanContext context = Span.fromContext(extract(traceparent)).getSpanContext();
        return context.isValid() ? context.getSpanId() : null;
    }

    private static byte[] sha256(String seed) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
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

    /**
     * The parent when it is valid, else a new trace (tracing off at the root). It is marked sampled, so services
     * that trace record the mission even when the submitting CLI does not.
     */
    static String orFresh(String parent) {
        if (traceId(parent) != null) {
            return parent;
        }
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        SpanContext fresh = SpanContext.create(TraceId.fromBytes(trace), SpanId.fromBytes(span), TraceFlags.getSampled(),
                TraceState.getDefault());
        return fresh.isValid() ? format(fresh) : orFresh(null);
    }
}
