package dev.swarmboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientConfigTest {

    @Test
    void shouldMapKafkaVariablesToClientPropertiesStrimziStyle() {
        // Given security settings and JVM launch variables in the environment
        Map<String, String> env = Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_JAAS_CONFIG", "org.example.Login required;",
                "KAFKA_HEAP_OPTS", "-Xmx1g",
                "PATH", "/usr/bin");

        // When mapped
        Map<String, Object> properties = KafkaClientConfig.fromEnvironment(env);

        // Then client settings pass through untouched and launch variables are not client settings
        assertThat(properties).containsOnly(
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.jaas.config", "org.example.Login required;"));
    }

    @Test
    void shouldLetEnvironmentOverrideTheFileAndBootstrapOverrideBoth(@TempDir Path dir) throws Exception {
        // Given a properties file and an environment that disagree
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "bootstrap.servers=file:9092\nsecurity.protocol=SSL\nclient.rack=a\n");
        Map<String, String> env = Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_BOOTSTRAP_SERVERS", "env:9092");

        // When loaded with an explicit bootstrap
        Map<String, Object> properties = KafkaClientConfig.load(env, file, "flag:9092");

        // Then precedence is file < environment < flag
        assertThat(properties).containsEntry("bootstrap.servers", "flag:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("client.rack", "a");
    }

    @Test
    void shouldTurnMetricsPushOffUnlessTheEnvironmentTurnsItOn() {
        // Given no setting, then an environment that asks for metrics push
        Map<String, String> asked = Map.of("KAFKA_ENABLE_METRICS_PUSH", "true");

        // When loaded, Then push is off by default and on when asked
        assertThat(KafkaClientConfig.load(Map.of(), null, "b:9092")).containsEntry("enable.metrics.push", "false");
        assertThat(KafkaClientConfig.load(asked, null, "b:9092")).containsEntry("enable.metrics.push", "true");
    }

    @Test
    void shouldNameTheVariableOfAnUnparseableValue() {
        ConfigParameter<Integer> port = ConfigParameter.integer("SWARM_HEALTH_PORT", -1, "port");

        assertThat(port.resolve(Map.of())).isEqualTo(-1);
        assertThat(port.resolve(Map.of("SWARM_HEALTH_PORT", " 8080 "))).isEqualTo(8080);
        assertThatThrownBy(() -> port.resolve(Map.of("SWARM_HEALTH_PORT", "eighty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SWARM_HEALTH_PORT=eighty");
    }
}
