package dev.swarmboard.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrokerPropertiesTest {

    private static final String HOST = "127.0.0.1";
    private static final Duration STARTUP = Duration.ofSeconds(90);

    @Test
    void shouldReplicateInternalTopicsOnceOnASingleNode() {
        // Given
        List<NodeSpec> cluster = cluster(1);

        // When
        Map<String, String> props = BrokerProperties.of(HOST, cluster.get(0), cluster, STARTUP);

        // Then
        assertThat(props).contains(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:19001"),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false"));
    }

    @Test
    void shouldReplicateThreeTimesWithMinIsrTwoOnThreeNodesSharingOneQuorum() {
        // Given
        List<NodeSpec> cluster = cluster(3);

        // When
        Map<String, String> props = BrokerProperties.of(HOST, cluster.get(1), cluster, STARTUP);

        // Then
        assertThat(props).contains(
                Map.entry("node.id", "2"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:19001,2@127.0.0.1:19002,3@127.0.0.1:19003"),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:9093,CONTROLLER://127.0.0.1:19002"),
                Map.entry("default.replication.factor", "3"),
                Map.entry("min.insync.replicas", "2"),
                Map.entry("offsets.topic.replication.factor", "3"),
                Map.entry("transaction.state.log.min.isr", "2"),
                Map.entry("share.coordinator.state.topic.replication.factor", "3"),
                Map.entry("share.coordinator.state.topic.min.isr", "2"));
        assertThat(BrokerProperties.bootstrapServers(HOST, cluster))
                .isEqualTo("127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void shouldOnlyUseSettingsKafkaKnowsAndAccepts(int nodes) {
        // Given
        List<NodeSpec> cluster = cluster(nodes);

        // When
        Map<String, String> props = BrokerProperties.of(HOST, cluster.get(0), cluster, STARTUP);

        // Then
        assertThat(KafkaConfig.configDef().names()).containsAll(props.keySet());
        assertThatCode(() -> new KafkaConfig(props)).doesNotThrowAnyException();
    }

    private static List<NodeSpec> cluster(int nodes) {
        LocalKafkaConfig config = LocalKafkaConfig.defaults().withNodes(nodes).withPort(9092);
        return NodeSpec.layout(config, Path.of("/tmp/kafka"), List.of(19001, 19002, 19003, 19004, 19005, 19006));
    }
}
