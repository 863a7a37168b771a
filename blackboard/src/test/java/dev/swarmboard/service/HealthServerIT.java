package dev.swarmboard.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.localkafka.LocalKafka;
import dev.swarmboard.localkafka.LocalKafkaConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /ready} follows the broker: 503 within seconds of it stopping, 200 once it is back. */
class HealthServerIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    /** A service that is always healthy and ready, so only the connectivity monitor decides. */
    private static final class IdleService implements SwarmService {
        @Override
        public String name() {
            return "idle";
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }

        @Override
        public boolean isHealthy() {
            return true;
        }
    }

    @Test
    void shouldAnswer503WhileTheBrokerIsDownAnd200WhenItIsBack() throws Exception {
        // Given a broker on a fixed port and a persistent data directory, and a process watching it
        LocalKafkaConfig config = LocalKafkaConfig.defaults().withPort(freePort()).withDataDir(dataDir);
        try (LocalKafka kafka = new LocalKafka(config).start();
             ServiceRunner runner = new ServiceRunner()) {
            runner.watchKafka(Map.of("bootstrap.servers", kafka.bootstrapServers()));
            runner.start(new IdleService());
            HealthServer health = runner.manage(new HealthServer(0, List.of(new IdleService()),
                    runner::kafkaReachable, () -> "")).start();
            await().atMost(WITHIN).until(() -> status(health, "/ready") == 200);

            // When the broker stops
            kafka.stop();

            // Then /ready is 503 while /healthy stays 200
            await().atMost(WITHIN).until(() -> status(health, "/ready") == 503);
            assertThat(status(health, "/healthy")).isEqualTo(200);

            // And when the broker is back on the same port, /ready is 200 again
            try (LocalKafka restarted = new LocalKafka(config).start()) {
                await().atMost(WITHIN).until(() -> status(health, "/ready") == 200);
            }
        }
    }

    private static int status(HealthServer health, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health.port() + path)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
