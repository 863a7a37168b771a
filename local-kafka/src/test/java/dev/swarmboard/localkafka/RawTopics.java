package dev.swarmboard.localkafka;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every record of every topic with a prefix, as raw bytes (key, value and headers), aborted ones included:
 * what a test searches when nothing may reach any topic (a secret, a forged byte).
 */
public final class RawTopics {

    private RawTopics() {
    }

    /** Key, value and header bytes of each record, one array per record, for a search of raw bytes. */
    public static List<byte[]> everyRecord(Map<String, Object> client, String prefix) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        try (Admin admin = Admin.create(client)) {
            List<String> topics = admin.listTopics().names().get().stream().filter(name -> name.startsWith(prefix))
                    .toList();
            admin.describeTopics(topics).allTopicNames().get().values().forEach(description -> description
                    .partitions().forEach(p -> partitions.add(new TopicPartition(description.name(), p.partition()))));
        }
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        List<byte[]> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(bytes(record));
                }
            }
        }
        return records;
    }

    private static byte[] bytes(ConsumerRecord<byte[], byte[]> record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(record.key() == null ? new byte[0] : record.key());
        out.writeBytes(record.value() == null ? new byte[0] : record.value());
        for (Header header : record.headers()) {
            out.writeBytes(header.key().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.writeBytes(header.value() == null ? new byte[0] : header.value());
        }
        return out.toByteArray();
    }
}
