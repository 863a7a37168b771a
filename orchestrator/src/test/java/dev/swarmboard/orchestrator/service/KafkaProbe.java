package dev.swarmboard.orchestrator.service;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.topic.TopicCatalogue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What an integration test sees of the topics: a mission's committed events, its lane tasks,
 * whole topics (committed or not), and a way to write facts and raw bytes as other services would.
 */
final class KafkaProbe implements AutoCloseable {

    private final Map<String, Object> client;
    private final TopicCatalogue topics;
    private final Codecs codecs = Codecs.create();
    private final BlackboardReader reader;
    private final BlackboardWriter writer;

    KafkaProbe(Map<String, Object> client, TopicCatalogue topics) {
        this.client = client;
        this.topics = topics;
        this.reader = new BlackboardReader(client, topics, codecs);
        this.writer = BlackboardWriter.create(client, topics, codecs, "probe");
    }

    List<BlackboardEvent> events(String missionId) {
        return reader.readMission(missionId).events().stream().map(RecordedEvent::event).toList();
    }

    List<String> types(String missionId) {
        return events(missionId).stream().map(event -> event.getHeader().getType()).toList();
    }

    <T> List<T> payloads(String missionId, Class<T> type) {
        return events(missionId).stream().map(BlackboardEvent::getPayload).filter(type::isInstance).map(type::cast)
                .toList();
    }

    /** The committed lane tasks of a mission, in the order of their partitions. */
    List<RunLane> tasks(String missionId) {
        return records(topics.laneTasks(), true).stream()
                .filter(record -> new String(record.key(), StandardCharsets.UTF_8).startsWith(missionId + "/"))
                .map(record -> codecs.laneTasks().codec().decode(record.value()))
                .toList();
    }

    /** Every record of a topic up to its current end; aborted records too unless {@code committedOnly}. */
    List<ConsumerRecord<byte[], byte[]>> records(String topic, boolean committedOnly) {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted");
        try (var consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    void append(BlackboardEvent event) throws ExecutionException, InterruptedException {
        writer.append(event).get();
    }

    void sendRaw(String topic, byte[] key, byte[] value) throws ExecutionException, InterruptedException {
        try (var producer = new KafkaProducer<>(client, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    @Override
    public void close() {
        reader.close();
        writer.close();
    }
}
