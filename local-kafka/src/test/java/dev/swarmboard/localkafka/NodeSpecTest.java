package dev.swarmboard.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class NodeSpecTest {

    private static final Path DATA = Path.of("/var/swarm/kafka");
    private static final List<Integer> FREE = List.of(41001, 41002, 41003, 41004, 41005, 41006);

    @Test
    void shouldGiveBrokersConsecutivePortsFromAFixedPortAndControllersFreeOnes() {
        // When
        List<NodeSpec> nodes = NodeSpec.layout(LocalKafkaConfig.defaults().withNodes(3).withPort(9092), DATA, FREE);

        // Then
        assertThat(nodes).containsExactly(
                new NodeSpec(1, 9092, 41001, DATA.resolve("node-1")),
                new NodeSpec(2, 9093, 41002, DATA.resolve("node-2")),
                new NodeSpec(3, 9094, 41003, DATA.resolve("node-3")));
    }

    @Test
    void shouldGiveBrokersFreePortsWhenThePortIsZero() {
        // When
        List<NodeSpec> nodes = NodeSpec.layout(LocalKafkaConfig.defaults(), DATA, FREE.subList(0, 2));

        // Then
        assertThat(nodes).containsExactly(new NodeSpec(1, 41002, 41001, DATA.resolve("node-1")));
    }
}
