package dev.swarmboard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TracingSettingsTest {

    @Test
    void shouldBeOffWithoutAnExporterOrEndpoint() {
        assertThat(TracingSettings.of("digest", Map.of("OTEL_SERVICE_NAME", "x")).enabled()).isFalse();
        assertThat(TracingSettings.of("digest", Map.of("OTEL_TRACES_EXPORTER", "none",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318")).enabled()).isFalse();
        assertThat(TracingSettings.of("digest", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318",
                "OTEL_SDK_DISABLED", "true")).enabled()).isFalse();
    }

    @Test
    void shouldBeOnWithAnExporterOrAnOtlpEndpointAndMapTheVariablesToProperties() {
        TracingSettings otlp = TracingSettings.of("verifier", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT",
                "http://127.0.0.1:4318", "SWARM_TOPIC_PREFIX", "x."));
        assertThat(otlp.enabled()).isTrue();
        assertThat(otlp.properties()).containsEntry("otel.exporter.otlp.endpoint", "http://127.0.0.1:4318")
                .containsEntry("otel.service.name", "swarm-verifier")
                .containsEntry("otel.exporter.otlp.protocol", "http/protobuf")
                .containsEntry("otel.metrics.exporter", "none").doesNotContainKey("swarm.topic.prefix");
        assertThat(TracingSettings.of("cli", Map.of("OTEL_TRACES_EXPORTER", "console")).enabled()).isTrue();
        assertThat(TracingSettings.of("cli", Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://h:4318/v1/traces"))
                .enabled()).isTrue();
    }
}
