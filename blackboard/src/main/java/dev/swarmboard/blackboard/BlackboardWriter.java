package dev.swarmboard.blackboard;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.signing.FactSigner;
import dev.swarmboard.topic.TopicCatalogue;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Appends events to the blackboard, keyed by mission id so a mission's facts stay in order on one
 * partition. The producer is idempotent with acks=all; each record also carries the event type and
 * id as headers so any consumer can filter without decoding. Every event is signed by the writer's
 * {@link FactSigner} on its way out ({@link #record(String, BlackboardEvent, FactSigner)}).
 */
public final class BlackboardWriter implements AutoCloseable {

    public static final String TYPE_HEADER = "swarm.type";
    public static final String EVENT_ID_HEADER = "swarm.event-id";

    private final Producer<String, BlackboardEvent> producer;
    private final String topic;
    private final FactSigner signer;

    public BlackboardWriter(Producer<String, BlackboardEvent> producer, String topic) {
        this(producer, topic, FactSigner.UNSIGNED);
    }

    public BlackboardWriter(Producer<String, BlackboardEvent> producer, String topic, FactSigner signer) {
        this.producer = producer;
        this.topic = topic;
        this.signer = signer;
    }

    /** A writer with its own idempotent producer, writing unsigned events. */
    public static BlackboardWriter create(Map<String, Object> clientProperties, TopicCatalogue catalogue,
                                          Codecs codecs, String clientId) {
        return create(clientProperties, catalogue, codecs, clientId, FactSigner.UNSIGNED);
    }

    /** A writer with its own idempotent producer, signing every event with {@code signer}. */
    public static BlackboardWriter create(Map<String, Object> clientProperties, TopicCatalogue catalogue,
                                          Codecs codecs, String clientId, FactSigner signer) {
        return new BlackboardWriter(new KafkaProducer<>(producerProperties(clientProperties, clientId),
                new StringSerializer(), codecs.events().serializer()), catalogue.blackboard(), signer);
    }

    /** Producer settings for blackboard writes: idempotent, acks=all, in-order per partition. */
    public static Map<String, Object> producerProperties(Map<String, Object> clientProperties, String clientId) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return properties;
    }

    /** The record for an event, unsigned; transactional callers send it on their own producer. */
    public static ProducerRecord<String, BlackboardEvent> record(String topic, BlackboardEvent event) {
        return record(topic, event, FactSigner.UNSIGNED);
    }

    /**
     * The record for an event signed by {@code signer}: its value is the signed event (write that, not
     * the one given). Transactional callers send it on their own producer.
     */
    public static ProducerRecord<String, BlackboardEvent> record(String topic, BlackboardEvent unsigned,
                                                                 FactSigner signer) {
        BlackboardEvent event = signer.sign(unsigned);
        RecordHeaders headers = new RecordHeaders();
        headers.add(TYPE_HEADER, event.getHeader().getType().getBytes(StandardCharsets.UTF_8));
        headers.add(EVENT_ID_HEADER, event.getHeader().getEventId().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, event.getHeader().getMissionId(), event, headers);
    }

    /** Appends one event; the future completes once the broker acknowledged it on all in-sync replicas. */
    public CompletableFuture<AppendedEvent> append(BlackboardEvent event) {
        CompletableFuture<AppendedEvent> appended = new CompletableFuture<>();
        ProducerRecord<String, BlackboardEvent> record = record(topic, event, signer);
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                appended.completeExceptionally(error);
            } else {
                appended.complete(new AppendedEvent(record.value(), metadata.partition(), metadata.offset()));
            }
        });
        return appended;
    }

    public String topic() {
        return topic;
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    /** An event the broker acknowledged, with where it landed. */
    public record AppendedEvent(BlackboardEvent event, int partition, long offset) {
    }
}
