package dev.swarmboard.localkafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The one Kafka broker of a test JVM, shared by every {@code *IT}, started on first use and stopped by the
 * {@code kafka-fixture-shutdown} hook. It is an external cluster when {@code KAFKA_BOOTSTRAP_SERVERS} is
 * set; a Testcontainers {@code apache/kafka} broker when {@code SWARM_TEST_KAFKA=testcontainers} and a
 * Docker engine answers; otherwise an in-process {@link LocalKafka}.
 */
public final class KafkaFixture {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaFixture.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private KafkaFixture() {
    }

    /** The shared broker's {@code bootstrap.servers}, starting it if this is the first call. */
    public static String bootstrapServers() {
        return Shared.BROKER.bootstrapServers();
    }

    /** A shared Admin client for the broker; the fixture closes it, callers must not. */
    public static Admin admin() {
        return Shared.ADMIN;
    }

    /** A topic or group name no other test in this or an earlier run has used. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Creates a topic with the broker's default replication factor and waits until the controller has it. */
    public static void createTopic(String name, int partitions) {
        NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty());
        try {
            admin().createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        }
    }

    /** A started broker and how to stop it. */
    private record Broker(String bootstrapServers, Runnable stop) {
    }

    /** Holder idiom: the JVM starts the broker once, on first access, thread-safely. */
    private static final class Shared {
        static final Broker BROKER = startBroker();
        static final Admin ADMIN = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "kafka-fixture"));

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(Shared::stop, "kafka-fixture-shutdown"));
        }

        private static void stop() {
            ADMIN.close(ADMIN_TIMEOUT);
            BROKER.stop().run();
        }
    }

    private static Broker startBroker() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            LOG.info("Integration tests use the external Kafka at {}", external);
            return new Broker(external, () -> { });
        }
        if ("testcontainers".equalsIgnoreCase(System.getenv("SWARM_TEST_KAFKA"))) {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return startContainer();
            }
            LOG.warn("SWARM_TEST_KAFKA=testcontainers, but Testcontainers found no Docker engine "
                    + "(its log above names the places it tried); using an in-process LocalKafka instead");
        }
        LocalKafka kafka = new LocalKafka(LocalKafkaConfig.defaults()).start();
        return new Broker(kafka.bootstrapServers(), kafka::stop);
    }

    private static Broker startContainer() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.3.1")
                // The same broker settings as LocalKafka, so tests cannot pass on one and fail on the other.
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        container.start();
        LOG.info("Integration tests use the Testcontainers Kafka at {}", container.getBootstrapServers());
        return new Broker(container.getBootstrapServers(), container::stop);
    }
}
