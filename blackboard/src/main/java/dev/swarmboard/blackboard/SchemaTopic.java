package dev.swarmboard.blackboard;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.codec.SchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compacted schemas topic: every writer schema ever used, keyed by its 16-hex-digit
 * fingerprint, valued by its JSON. Services publish their writer schemas at start; readers load
 * the topic into their {@link SchemaRegistry} so they can decode events from newer writers.
 */
public final class SchemaTopic {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaTopic.class);

    private final Map<String, Object> clientProperties;
    private final String topic;

    public SchemaTopic(Map<String, Object> clientProperties, String topic) {
        this.clientProperties = clientProperties;
        this.topic = topic;
    }

    /** Publishes the current writer schemas and waits for the broker's acknowledgement. */
    public void publish(List<Schema> schemas) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (var producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            for (Schema schema : schemas) {
                producer.send(new ProducerRecord<>(topic, SchemaRegistry.fingerprintHex(schema), schema.toString())).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing schemas", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish schemas to " + topic + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** Publishes this build's writer schemas. */
    public void publishCurrent() {
        publish(Codecs.currentSchemas());
    }

    /**
     * Reads the whole topic into the registry; returns how many schemas it added. A value that is
     * not a schema, or whose fingerprint does not match its key, is logged with its offset and skipped.
     */
    public int loadInto(SchemaRegistry registry) {
        int added = 0;
        try (var consumer = new KafkaConsumer<>(BlackboardReader.consumerProperties(clientProperties),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = TopicPartitions.all(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    added += add(registry, record) ? 1 : 0;
                }
            }
        }
        return added;
    }

    private static boolean add(SchemaRegistry registry, ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return false;
        }
        try {
            Schema schema = new Schema.Parser().parse(record.value());
            if (!SchemaRegistry.fingerprintHex(schema).equals(record.key())) {
                LOG.warn("schema at {}-{}@{} has fingerprint {} but key {}; skipped", record.topic(),
                        record.partition(), record.offset(), SchemaRegistry.fingerprintHex(schema), record.key());
                return false;
            }
            boolean known = registry.findByFingerprint(SchemaRegistry.fingerprint(schema)) != null;
            registry.add(schema);
            return !known;
        } catch (SchemaParseException e) {
            LOG.warn("value at {}-{}@{} is not an Avro schema: {}; skipped", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return false;
        }
    }
}
