package dev.swarmboard.deadletter;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes dead letters of one service instance and waits for the broker to take each, so a record is
 * only skipped once its dead letter is stored. As a {@link Consumer} of {@link UnreadableRecord}s it
 * is the report a {@link SkippingConsumer} needs.
 */
public final class DeadLetterProducer implements Consumer<UnreadableRecord>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProducer.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final DeadLetters.Origin origin;

    public DeadLetterProducer(Map<String, Object> clientProperties, String topic, DeadLetters.Origin origin) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, origin.service() + "-dead-letters-" + origin.instance());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.origin = origin;
    }

    /** Dead-letters a record that could be read but not processed. */
    public void send(DeadLetters.SourceRecord source, Throwable error) {
        LOG.warn("{} {}: record at {}-{}@{} goes to the dead letters: {}", origin.service(), origin.instance(),
                source.topic(), source.partition(), source.offset(), error.getMessage());
        await(DeadLetters.of(topic, source, error, origin), source.topic() + "-" + source.partition() + "@"
                + source.offset());
    }

    /** Dead-letters a record the client could not read; the caller then seeks past it. */
    @Override
    public void accept(UnreadableRecord unreadable) {
        LOG.warn("{} {}: unreadable record at {} skipped and dead-lettered: {}", origin.service(), origin.instance(),
                unreadable.coordinates(), unreadable.reason());
        await(DeadLetters.of(topic, unreadable, origin), unreadable.coordinates());
    }

    private void await(ProducerRecord<byte[], byte[]> letter, String coordinates) {
        try {
            producer.send(letter).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while dead-lettering " + coordinates, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("cannot dead-letter " + coordinates, e);
        }
    }

    @Override
    public void close() {
        producer.close(SEND_TIMEOUT);
    }
}
