package dev.swarmboard.blackboard;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.signing.FactSigner;
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
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Appends events to the blackboard, keyed by mission id so a mission's facts stay in order on one
 * partition. The producer is idempotent with acks=all; each record also carries the event type and
 * id as headers so any consumer can filter without decoding. Values are sent as the bytes
 * {@link Events#encode} built (the payload encoded once); the callback form costs no future per event.
 * Every event is signed by the writer's {@link FactSigner} on its way out.
 * Records carry the W3C {@code traceparent} header when the event's header has one.
 */
public final class BlackboardWriter implements AutoCloseable {

    public static final String TYPE_HEADER = "swarm.type";
    public static final String EVENT_ID_HEADER = "swarm.event-id";

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final FactSigner signer;

    /** Told once the broker acknowledged an append on all in-sync replicas, or why it failed. */
    @FunctionalInterface
    public interface AppendCallback {
        /** Exactly one of the arguments is non-null. */
        void onCompletion(AppendedEvent appended, Exception error);
    }

    public BlackboardWriter(Producer<String, byte[]> producer, String topic) {
        this(producer, topic, FactSigner.UNSIGNED);
    }

    public BlackboardWriter(Producer<String, byte[]> producer, String topic, FactSigner signer) {
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
                new StringSerializer(), new ByteArraySerializer()), catalogue.blackboard(), signer);
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
        return new ProducerRecord<>(topic, null, event.getHeader().getMissionId(), event, headers(event));
    }

    /** The record of an encoded event: its stored bytes under its mission's key, with the event's headers. */
    public static ProducerRecord<String, byte[]> record(String topic, EncodedEvent encoded) {
        return new ProducerRecord<>(topic, null, encoded.event().getHeader().getMissionId(), encoded.value(),
                headers(encoded.event()));
    }

    /** The record headers of an event: its type and id, so consumers can filter without decoding. */
    public static Headers headers(BlackboardEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(TYPE_HEADER, event.getHeader().getType().getBytes(StandardCharsets.UTF_8));
        headers.add(EVENT_ID_HEADER, event.getHeader().getEventId().getBytes(StandardCharsets.UTF_8));
        Traceparents.addHeader(headers, event.getHeader().getTraceparent());
        return headers;
    }

    /** Appends one event; the future completes once the broker acknowledged it on all in-sync replicas. */
    public CompletableFuture<AppendedEvent> append(BlackboardEvent event) {
        CompletableFuture<AppendedEvent> appended = new CompletableFuture<>();
        append(Events.encode(signer.sign(event)), (done, error) -> {
            if (error != null) {
                appended.completeExceptionally(error);
            } else {
                appended.complete(done);
            }
        });
        return appended;
    }

    /**
     * Appends one encoded event and calls back on the producer's I/O thread: keep the callback short. A
     * signing writer signs it first (its header changes, so its envelope is encoded again).
     */
    public void append(EncodedEvent unsigned, AppendCallback callback) {
        EncodedEvent encoded = signer.signs() ? Events.encode(signer.sign(unsigned.event())) : unsigned;
        producer.send(record(topic, encoded), (metadata, error) -> {
            if (error != null) {
                callback.onCompletion(null, error);
            } else {
                callback.onCompletion(new AppendedEvent(encoded.event(), metadata.partition(), metadata.offset()), null);
            }
        });
    }

    public String topic() {
        return topic;
    }

    /** Sends what is buffered and waits until every append so far completed (their callbacks ran). */
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
