package dev.swarmboard.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalKafkaConfigTest {

    @Test
    void shouldDefaultToOneNodeOnLoopbackWithFreePortsAndTemporaryData() {
        // When
        LocalKafkaConfig config = LocalKafkaConfig.defaults();

        // Then
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isZero();
        assertThat(config.nodes()).isEqualTo(1);
        assertThat(config.persistent()).isFalse();
    }

    @Test
    void shouldChangeOnlyTheFieldAWitherNames() {
        // Given
        Path dir = Path.of("data");

        // When
        LocalKafkaConfig config = LocalKafkaConfig.defaults().withPort(9092).withDataDir(dir).withNodes(3);

        // Then
        assertThat(config).isEqualTo(
                new LocalKafkaConfig("127.0.0.1", 9092, dir, 3, LocalKafkaConfig.DEFAULT_STARTUP_TIMEOUT));
        assertThat(config.persistent()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 5})
    void shouldRejectNodeCountsOtherThanOneOrThree(int nodes) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalKafkaConfig.defaults().withNodes(nodes))
                .withMessageContaining("nodes must be 1 or 3");
    }

    @Test
    void shouldRejectAFixedPortThatLeavesNoRoomForEveryBroker() {
        // Given
        LocalKafkaConfig threeNodes = LocalKafkaConfig.defaults().withNodes(3);

        // Then
        assertThatIllegalArgumentException().isThrownBy(() -> threeNodes.withPort(65_534));
        assertThatIllegalArgumentException().isThrownBy(() -> threeNodes.withPort(-1));
        assertThat(threeNodes.withPort(65_533).port()).isEqualTo(65_533);
    }

    @Test
    void shouldRejectANonPositiveStartupTimeout() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LocalKafkaConfig("127.0.0.1", 0, null, 1, Duration.ZERO));
    }
}
