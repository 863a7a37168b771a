package dev.swarmboard.blackboard;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.telemetry.Traceparents;
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
 * id as headers so any consumer can filter without decoding, and the W3C {@code traceparent} when the
 * event's header has one.
 */
public final class BlackboardWriter implements AutoCloseable {

    public static final String TYPE_HEADER = "swarm.type";
    public static final String EVENT_ID_HEADER = "swarm.event-id";

    private final Producer<String, BlackboardEvent> producer;
    private final String topic;

    public BlackboardWriter(Producer<String, BlackboardEvent> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** A writer with its own idempotent producer. */
    public static BlackboardWriter create(Map<String, Object> clientProperties, TopicCatalogue catalogue,
                                          Codecs codecs, String clientId) {
        return new BlackboardWriter(new KafkaProducer<>(producerProperties(clientProperties, clientId),
                new StringSerializer(), codecs.events().serializer()), catalogue.blackboard());
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

    /** The record for an event; transactional callers send it on their own producer. */
    public static ProducerRecord<String, BlackboardEvent> record(String topic, BlackboardEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(TYPE_HEADER, event.getHeader().getType().getBytes(StandardCharsets.UTF_8));
        headers.add(EVENT_ID_HEADER, event.getHeader().getEventId().getBytes(StandardCharsets.UTF_8));
        Traceparents.addHeader(headers, event.getHeader().getTraceparent());
        return new ProducerRecord<>(topic, null, event.getHeader().getMissionId(), event, headers);
    }

    /** Appends one event; the future completes once the broker acknowledged it on all in-sync replicas. */
    public CompletableFuture<AppendedEvent> append(BlackboardEvent event) {
        CompletableFuture<AppendedEvent> appended = new CompletableFuture<>();
        producer.send(record(topic, event), (metadata, error) -> {
            if (error != null) {
                appended.completeExceptionally(error);
            } else {
                appended.complete(new AppendedEvent(event, metadata.partition(), metadata.offset()));
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
