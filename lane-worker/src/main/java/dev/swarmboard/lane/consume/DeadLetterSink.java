package dev.swarmboard.lane.consume;

import dev.swarmboard.deadletter.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes task records that cannot be decoded to the dead-letter topic: the original bytes with their
 * topic, partition and offset, and the error, waiting for the broker's acknowledgement.
 */
public final class DeadLetterSink implements DeadLetterWriter, AutoCloseable {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final String SERVICE = "lane-worker";

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final DeadLetters.Origin origin;

    public DeadLetterSink(Map<String, Object> clientProperties, String topic, String instance) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, instance + "-dead-letters");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.origin = new DeadLetters.Origin(SERVICE, instance);
    }

    /** Sends the dead letter and waits for the broker; throws {@link KafkaException} if it did not take it. */
    @Override
    public void send(ConsumerRecord<String, byte[]> record, Throwable error) {
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        var source = new DeadLetters.SourceRecord(record.topic(), record.partition(), record.offset(), key,
                record.value());
        try {
            producer.send(DeadLetters.of(topic, source, error, origin)).get(SEND_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while dead-lettering " + coordinates(record), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("cannot dead-letter " + coordinates(record), e);
        }
    }

    static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    @Override
    public void close() {
        producer.close();
    }
}
