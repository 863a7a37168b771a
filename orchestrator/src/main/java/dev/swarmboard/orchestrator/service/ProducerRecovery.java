package dev.swarmboard.orchestrator.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Creates the orchestrator's transactional producer and decides whether a lost one may be created
 * again: only while no other live instance holds the transactional id (checked before the first
 * {@code initTransactions} and after a fencing), and at most {@value #RECOVERIES_PER_WINDOW} times
 * in ten minutes, so a permanent fault ends in an exit instead of a hot loop.
 */
final class ProducerRecovery {

    static final int RECOVERIES_PER_WINDOW = 10;
    private static final Duration RECOVERY_WINDOW = Duration.ofMinutes(10);

    private final Map<String, Object> producerProperties;
    private final TransactionalIdGuard guard;
    private final ArrayDeque<Long> recoveries = new ArrayDeque<>();

    ProducerRecovery(Map<String, Object> producerProperties, TransactionalIdGuard guard) {
        this.producerProperties = Map.copyOf(producerProperties);
        this.guard = guard;
    }

    /** The first producer; fails, before fencing anyone, when a live instance uses the transactional id. */
    KafkaProducer<byte[], byte[]> open(Admin admin) {
        guard.ensureSole(admin);
        return create();
    }

    /** A new producer with its transactions initialised (which fences every older epoch of the id). */
    KafkaProducer<byte[], byte[]> create() {
        KafkaProducer<byte[], byte[]> created = new KafkaProducer<>(producerProperties, new ByteArraySerializer(),
                new ByteArraySerializer());
        try {
            created.initTransactions();
            return created;
        } catch (RuntimeException e) {
            created.close(Duration.ZERO);
            throw e;
        }
    }

    /**
     * Counts a lost producer; throws when that happened too often, or when it was fenced and another
     * live instance now holds the transactional id (re-creating would fence it back).
     */
    void allowRecreate(RuntimeException cause) {
        long now = System.nanoTime();
        recoveries.addLast(now);
        while (now - recoveries.peekFirst() > RECOVERY_WINDOW.toNanos()) {
            recoveries.removeFirst();
        }
        if (recoveries.size() > RECOVERIES_PER_WINDOW) {
            throw new IllegalStateException("transactional producer lost " + recoveries.size() + " times in "
                    + RECOVERY_WINDOW.toMinutes() + " minutes, last: " + ProducerLoss.describe(cause));
        }
        if (ProducerLoss.fenced(cause)) {
            try (Admin admin = Admin.create(adminProperties())) {
                guard.ensureSole(admin);
            }
        }
    }

    private Map<String, Object> adminProperties() {
        Map<String, Object> properties = new HashMap<>(producerProperties);
        properties.keySet().removeIf(key -> key.startsWith("transaction") || key.equals(ProducerConfig.ACKS_CONFIG)
                || key.equals(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, producerProperties.get(ProducerConfig.CLIENT_ID_CONFIG) + "-admin");
        return properties;
    }
}
