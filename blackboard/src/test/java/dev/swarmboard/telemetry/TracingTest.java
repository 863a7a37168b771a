package dev.swarmboard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;

class TracingTest {

    private static final String PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void shouldOpenAChildOfTheIncomingTraceparentAndHandItsOwnOn() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (OpenTelemetrySdk sdk = sdk(spans)) {
            Tracing tracing = Tracing.of(sdk);
            String child;
            try (Hop hop = tracing.start("lane a", SpanKind.CONSUMER, PARENT).set(Hop.MISSION, "m-1")) {
                child = hop.traceparent();
            }
            SpanData span = spans.getFinishedSpanItems().get(0);
            assertThat(span.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
            assertThat(span.getParentSpanId()).isEqualTo("b7ad6b7169203331");
            assertThat(child).isEqualTo("00-" + span.getTraceId() + "-" + span.getSpanId() + "-01");
            assertThat(span.getAttributes().asMap().values()).contains("m-1");
        }
    }

    @Test
    void shouldHandTheParentOnUnchangedWhenOffAndStartAFreshSampledTraceAtTheRoot() {
        try (Hop hop = Tracing.off().start("lane a", SpanKind.CONSUMER, PARENT)) {
            assertThat(hop.traceparent()).isEqualTo(PARENT);
        }
        try (Hop root = Tracing.off().root("swarm submit", SpanKind.PRODUCER)) {
            assertThat(root.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            assertThat(Traceparents.traceId(root.traceparent())).isNotEqualTo("00000000000000000000000000000000");
        }
        try (Hop broken = Tracing.off().start("lane a", SpanKind.CONSUMER, "not-a-traceparent")) {
            assertThat(Traceparents.traceId(broken.traceparent())).isNotNull();
        }
    }

    @Test
    void shouldDeriveTheSameChildForTheSameSeedAndGiveThatIdToTheSpan() {
        String derived = Traceparents.derivedChild(PARENT, "verdict-1");
        assertThat(derived).isEqualTo(Traceparents.derivedChild(PARENT, "verdict-1"))
                .isNotEqualTo(Traceparents.derivedChild(PARENT, "verdict-2"))
                .startsWith("00-0af7651916cd43dd8448eb211c80319c-").endsWith("-01");
        assertThat(Traceparents.derivedChild(null, "verdict-1")).isNull();

        InMemorySpanExporter spans = InMemorySpanExporter.create();
        SdkTracerProvider provider = SdkTracerProvider.builder().setIdGenerator(ChosenSpanIds.INSTANCE)
                .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(provider).build()) {
            Tracing tracing = Tracing.of(sdk);
            // Tracing.of has no SDK of its own to choose ids in: only forService's SDKs use ChosenSpanIds
            ChosenSpanIds.INSTANCE.choose(Traceparents.spanId(derived));
            try (Hop hop = tracing.start("verifier QuorumReached", SpanKind.CONSUMER, PARENT)) {
                assertThat(hop.traceparent()).isEqualTo(derived);
            }
            List<SpanData> finished = spans.getFinishedSpanItems();
            assertThat(finished.get(0).getParentSpanId()).isEqualTo("b7ad6b7169203331");
        }
    }

    private static OpenTelemetrySdk sdk(InMemorySpanExporter spans) {
        return OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build();
    }
}
