package dev.swarmboard.orchestrator.service;

import static dev.swarmboard.orchestrator.Fixtures.mission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.localkafka.LocalKafka;
import dev.swarmboard.localkafka.LocalKafkaConfig;
import dev.swarmboard.orchestrator.Fixtures;
import dev.swarmboard.orchestrator.mission.MissionCommands;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The orchestrator keeps working, with no one restarting it, after its producer is fenced or the broker restarts. */
class OrchestratorRecoveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    Path dataDir;

    @Test
    void shouldPlanAMissionSubmittedAfterTheBrokerRestarted() throws Exception {
        // Given an orchestrator on a broker with a persistent data directory and a fixed port
        LocalKafkaConfig brokerConfig = LocalKafkaConfig.defaults().withPort(freePort()).withDataDir(dataDir);
        LocalKafka kafka = new LocalKafka(brokerConfig).start();
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        String prefix = "restart.";
        TopicCatalogue topics = TopicCatalogue.withPrefix(prefix);
        try (Admin admin = Admin.create(client)) {
            new TopicProvisioner(admin).provision(topics);
        }
        OrchestratorService service = new OrchestratorService(config(kafka.bootstrapServers(), prefix), client);
        service.start();
        try {
            try (MissionCommands commands = MissionCommands.create(client, topics, Codecs.create(), "it");
                 KafkaProbe probe = new KafkaProbe(client, topics)) {
                commands.submit(new SubmitMission(mission("before").build(), "it.yaml"));
                await().atMost(PATIENCE).until(() -> probe.types("before").contains("PlanIssued"));
            }

            // When the broker stops and starts again under it
            kafka.stop();
            kafka = new LocalKafka(brokerConfig).start();

            // Then a mission submitted afterwards is planned by the same, still healthy, orchestrator
            try (MissionCommands commands = MissionCommands.create(client, topics, Codecs.create(), "it");
                 KafkaProbe probe = new KafkaProbe(client, topics)) {
                commands.submit(new SubmitMission(mission("after").build(), "it.yaml"));
                await().atMost(PATIENCE).until(() -> probe.types("after").contains("PlanIssued"));
                assertThat(probe.types("after")).containsExactly("MissionAccepted", "PlanIssued");
                assertThat(probe.types("before")).containsExactly("MissionAccepted", "PlanIssued");
            }
            assertThat(service.isHealthy()).isTrue();
        } finally {
            service.stop();
            kafka.close();
        }
    }

    @Test
    void shouldPlanExactlyOnceWhenTheBrokerRestartsInsideAnOpenTransaction() throws Exception {
        // Given an orchestrator whose transactions time out after 3 s, on a restartable broker
        LocalKafkaConfig brokerConfig = LocalKafkaConfig.defaults().withPort(freePort()).withDataDir(dataDir);
        AtomicReference<LocalKafka> kafka = new AtomicReference<>(new LocalKafka(brokerConfig).start());
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.get().bootstrapServers(),
                "transaction.timeout.ms", 3000);
        String prefix = "mid-tx.";
        TopicCatalogue topics = TopicCatalogue.withPrefix(prefix);
        try (Admin admin = Admin.create(client)) {
            new TopicProvisioner(admin).provision(topics);
        }
        // And the broker restarts between the batch's sends and its commit, once
        AtomicBoolean restarted = new AtomicBoolean();
        CommitHook restartOnce = () -> {
            if (restarted.compareAndSet(false, true)) {
                kafka.get().stop();
                kafka.set(new LocalKafka(brokerConfig).start());
            }
        };
        OrchestratorService service = new OrchestratorService(config(kafka.get().bootstrapServers(), prefix), client,
                Clock.systemUTC(), restartOnce);
        service.start();
        try (MissionCommands commands = MissionCommands.create(client, topics, Codecs.create(), "it")) {
            // When a mission is submitted
            commands.submit(new SubmitMission(mission("mid-tx").build(), "it.yaml"));
            await().atMost(PATIENCE).untilTrue(restarted);

            // Then it is planned exactly once by the same orchestrator, whatever the commit met
            try (KafkaProbe probe = new KafkaProbe(client, topics)) {
                await().atMost(PATIENCE).until(() -> probe.types("mid-tx").contains("PlanIssued"));
                assertThat(probe.types("mid-tx")).containsExactly("MissionAccepted", "PlanIssued");
            }
            assertThat(service.isHealthy()).isTrue();
        } finally {
            service.stop();
            kafka.get().close();
        }
    }

    @Test
    void shouldReCreateAFencedProducerAndResumeFromTheCommittedOffsets() throws Exception {
        // Given a running orchestrator that planned one mission
        Map<String, Object> client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
        String prefix = KafkaFixture.uniqueName("orch-fenced") + ".";
        TopicCatalogue topics = TopicCatalogue.withPrefix(prefix);
        new TopicProvisioner(KafkaFixture.admin()).provision(topics);
        OrchestratorService service = new OrchestratorService(config(KafkaFixture.bootstrapServers(), prefix), client);
        service.start();
        try (MissionCommands commands = MissionCommands.create(client, topics, Codecs.create(), "it");
             KafkaProbe probe = new KafkaProbe(client, topics)) {
            commands.submit(new SubmitMission(mission("pre-fence").build(), "it.yaml"));
            await().atMost(PATIENCE).until(() -> probe.types("pre-fence").contains("PlanIssued"));

            // When a stray producer (not an orchestrator: no group member) takes its transactional id
            try (KafkaProducer<byte[], byte[]> stray = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaFixture.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, prefix + "orchestrator"),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                stray.initTransactions();
            }
            commands.submit(new SubmitMission(mission("post-fence").build(), "it.yaml"));

            // Then the orchestrator re-creates its producer and plans the next mission exactly once
            await().atMost(PATIENCE).until(() -> probe.types("post-fence").contains("PlanIssued"));
            assertThat(probe.types("post-fence")).containsExactly("MissionAccepted", "PlanIssued");
            assertThat(probe.types("pre-fence")).containsExactly("MissionAccepted", "PlanIssued");
            assertThat(service.isHealthy()).isTrue();
        } finally {
            service.stop();
        }
    }

    private static OrchestratorConfig config(String bootstrap, String prefix) {
        CommonConfig common = new CommonConfig(bootstrap, null, prefix, -1, "it");
        return OrchestratorConfig.of(common, Fixtures.EXAMPLES.resolve("capabilities/offline.yaml"),
                Fixtures.EXAMPLES.resolve("workflows"), null, null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
