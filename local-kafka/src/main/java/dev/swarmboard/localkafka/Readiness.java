package dev.swarmboard.localkafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Proves a freshly started cluster serves clients: a probe topic replicated on every node accepts an
 * idempotent {@code acks=all} write, and describeCluster lists every broker. Each step blocks on Kafka's
 * own retries, bounded by one deadline, so nothing sleeps; the probe topic is deleted afterwards.
 */
final class Readiness {

    private static final String PROBE_TOPIC = "local-kafka-readiness-probe";

    private final String bootstrapServers;
    private final Map<String, String> security;
    private final int brokers;
    private final long deadlineNanos;

    private Readiness(String bootstrapServers, Map<String, String> security, int brokers, long deadlineNanos) {
        this.bootstrapServers = bootstrapServers;
        this.security = security;
        this.brokers = brokers;
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * Returns once the cluster is ready, or throws when {@link System#nanoTime()} passes the deadline.
     *
     * @param security client settings of a user allowed everything (empty on a PLAINTEXT cluster)
     */
    static void await(String bootstrapServers, Map<String, String> security, int brokers, long deadlineNanos) {
        new Readiness(bootstrapServers, security, brokers, deadlineNanos).probe();
    }

    private void probe() {
        Map<String, Object> client = new HashMap<>(security);
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        client.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-kafka-readiness");
        try (Admin admin = Admin.create(client)) {
            createProbeTopic(admin);
            writeProbeRecord(client);
            int listed = admin.describeCluster().nodes().get(remainingMillis(), TimeUnit.MILLISECONDS).size();
            if (listed != brokers) {
                throw new LocalKafkaException("Kafka at " + bootstrapServers + " lists " + listed
                        + " of " + brokers + " brokers");
            }
            admin.deleteTopics(Set.of(PROBE_TOPIC)).all().get(remainingMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new LocalKafkaException("Kafka at " + bootstrapServers + " is not ready: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new LocalKafkaException("Kafka at " + bootstrapServers + " was not ready before the startup deadline", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalKafkaException("Interrupted while waiting for Kafka at " + bootstrapServers, e);
        }
    }

    private void createProbeTopic(Admin admin) throws InterruptedException, TimeoutException, ExecutionException {
        NewTopic probe = new NewTopic(PROBE_TOPIC, Optional.of(1), Optional.of((short) brokers));
        try {
            admin.createTopics(List.of(probe)).all().get(remainingMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // Left behind by a start that was cut short; it serves as well as a new one.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private void writeProbeRecord(Map<String, Object> client)
            throws InterruptedException, TimeoutException, ExecutionException {
        Map<String, Object> producer = new HashMap<>(client);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, remainingMillis());
        try (KafkaProducer<byte[], byte[]> writer =
                     new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer())) {
            writer.send(new ProducerRecord<>(PROBE_TOPIC, new byte[0]))
                    .get(remainingMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private long remainingMillis() throws TimeoutException {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (remaining <= 0) {
            throw new TimeoutException("readiness deadline passed");
        }
        return remaining;
    }
}
