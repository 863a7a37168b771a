package dev.swarmboard.telemetry;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rule that switches tracing on, and the OpenTelemetry properties a service's SDK is configured
 * with. Tracing is off unless {@code OTEL_TRACES_EXPORTER} (other than {@code none}),
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} is set, and
 * {@code OTEL_SDK_DISABLED} is not {@code true}. Every other {@code OTEL_*} variable keeps its standard
 * meaning; Swarmboard only changes three defaults: the service name ({@code swarm-<service>}), OTLP over
 * HTTP/protobuf (the bundled sender is the JDK's HTTP client), and no OpenTelemetry metrics or logs
 * (metrics are Micrometer's {@code /metrics}).
 */
public record TracingSettings(boolean enabled, Map<String, String> properties) {

    public static TracingSettings of(String service, Map<String, String> env) {
        Map<String, String> properties = new HashMap<>();
        properties.put("otel.service.name", "swarm-" + service);
        properties.put("otel.exporter.otlp.protocol", "http/protobuf");
        properties.put("otel.metrics.exporter", "none");
        properties.put("otel.logs.exporter", "none");
        env.forEach((name, value) -> {
            if (name.startsWith("OTEL_") && value != null && !value.isBlank()) {
                properties.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value.trim());
            }
        });
        return new TracingSettings(enabled(properties), Map.copyOf(properties));
    }

    private static boolean enabled(Map<String, String> properties) {
        if ("true".equalsIgnoreCase(properties.get("otel.sdk.disabled"))) {
            return false;
        }
        String exporter = properties.get("otel.traces.exporter");
        if (exporter != null) {
            return !"none".equalsIgnoreCase(exporter);
        }
        return properties.containsKey("otel.exporter.otlp.endpoint")
                || properties.containsKey("otel.exporter.otlp.traces.endpoint");
    }
}
