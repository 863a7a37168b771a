package dev.swarmboard.orchestrator.registry;

import dev.swarmboard.blackboard.BlackboardReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The compacted registry topic: one record under the key {@value #KEY}, written by the orchestrator
 * at start, read by {@code swarm submit} (the latest record wins).
 */
public final class RegistryTopic {

    public static final String KEY = "current";
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private RegistryTopic() {
    }

    public static void publish(Map<String, Object> clientProperties, String topic, PublishedRegistry registry) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (var producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, KEY, registry.toJson())).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the registry to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot publish the registry to " + topic + ": " + cause.getMessage(), cause);
        }
    }

    /** The latest published registry, or empty when none was published yet. */
    public static Optional<PublishedRegistry> latest(Map<String, Object> clientProperties, String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (var consumer = new KafkaConsumer<>(BlackboardReader.consumerProperties(clientProperties),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            byte[] latest = null;
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (KEY.equals(record.key()) && record.offset() < end) {
                        latest = record.value();
                    }
                }
            }
            return Optional.ofNullable(latest).map(PublishedRegistry::fromJson);
        }
    }
}
