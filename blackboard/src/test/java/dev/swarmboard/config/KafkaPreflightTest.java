package dev.swarmboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaPreflightTest {

    private static final Duration BOUND = Duration.ofSeconds(15);

    @Test
    void shouldNameTheAddressAndConnectionRefusedWithinTheBound() throws Exception {
        // Given a local port nobody listens on
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String bootstrap = "127.0.0.1:" + closed;
        long start = System.nanoTime();

        // When the preflight runs against it
        // Then it fails in one line naming the address, the bound and the cause, well within the bound
        assertThatThrownBy(() -> KafkaPreflight.check(Map.of("bootstrap.servers", bootstrap), BOUND))
                .isInstanceOf(KafkaUnreachableException.class)
                .hasMessage("cannot reach Kafka at " + bootstrap + " within 15 s: connection refused");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    @Test
    void shouldNameAnUnknownHost() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> KafkaPreflight.check(Map.of("bootstrap.servers", "nosuch.invalid:9092"), BOUND))
                .isInstanceOf(KafkaUnreachableException.class)
                .hasMessage("unknown host nosuch.invalid in --bootstrap");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    @Test
    void shouldRefuseAServerWithoutAPort() {
        assertThatThrownBy(() -> KafkaPreflight.check(Map.of("bootstrap.servers", "localhost"), BOUND))
                .hasMessageContaining("'localhost'").hasMessageContaining("HOST:PORT");
    }

    @Test
    void shouldBoundEveryBlockingClientCallUnlessAlreadySet() {
        Map<String, Object> bounded = KafkaPreflight.bounded(Map.of("request.timeout.ms", 5000), BOUND);
        assertThat(bounded).containsEntry("default.api.timeout.ms", 15_000).containsEntry("max.block.ms", 15_000)
                .containsEntry("request.timeout.ms", 5000);
    }
}
