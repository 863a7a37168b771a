package dev.swarmboard.verifier.deadletter;

import dev.swarmboard.deadletter.DeadLetterProducer;
import dev.swarmboard.deadletter.SkippingConsumer;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/**
 * Kafka Streams' clients, except that each stream thread's main consumer skips a record it cannot
 * read (a corrupt batch) after dead-lettering its coordinates, instead of failing the thread on it
 * again after every restart. Streams has no handler of its own for that case.
 */
public final class SkippingClientSupplier implements KafkaClientSupplier {

    private final DeadLetterProducer deadLetters;

    public SkippingClientSupplier(DeadLetterProducer deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return Admin.create(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return new SkippingConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer(), deadLetters);
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
