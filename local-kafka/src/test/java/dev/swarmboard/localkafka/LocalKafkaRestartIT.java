package dev.swarmboard.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepRecordsAndClusterIdWhenRestartedOnAnotherPort() throws Exception {
        // Given a record written to a cluster on a free port with a persistent data directory
        LocalKafkaConfig config = LocalKafkaConfig.defaults().withDataDir(dataDir);
        String topic = "swarm.blackboard";
        String firstClusterId;
        int firstPort;
        try (LocalKafka kafka = new LocalKafka(config).start()) {
            firstClusterId = kafka.clusterId();
            firstPort = kafka.ports().get(0);
            createTopic(kafka.bootstrapServers(), topic);
            TestRecords.write(kafka.bootstrapServers(), topic, "mission-1", "MissionAccepted");
        }
        int otherPort = FreePorts.pick(LocalKafkaConfig.DEFAULT_HOST, 2).stream()
                .filter(port -> port != firstPort).findFirst().orElseThrow();

        // When it starts again on the same directory, on another port
        try (LocalKafka restarted = new LocalKafka(config.withPort(otherPort)).start()) {

            // Then it is the same cluster, and the record is still there
            assertThat(restarted.ports()).containsExactly(otherPort);
            assertThat(restarted.clusterId()).isEqualTo(firstClusterId);
            assertThat(TestRecords.readValues(restarted.bootstrapServers(), topic, 1))
                    .containsExactly("MissionAccepted");
        }
    }

    @Test
    void shouldListenOnTheConfiguredPortAgainAfterARestart() {
        // Given a cluster on a fixed port that has been stopped
        int port = FreePorts.pick(LocalKafkaConfig.DEFAULT_HOST, 1).get(0);
        LocalKafkaConfig config = LocalKafkaConfig.defaults().withPort(port).withDataDir(dataDir);
        new LocalKafka(config).start().stop();

        // When it starts again
        try (LocalKafka restarted = new LocalKafka(config).start()) {

            // Then clients find it where they found it before
            assertThat(restarted.ports()).containsExactly(port);
            assertThat(restarted.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
        }
    }

    private static void createTopic(String bootstrapServers, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }
}
