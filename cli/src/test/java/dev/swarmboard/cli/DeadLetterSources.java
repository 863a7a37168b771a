package dev.swarmboard.cli;

import dev.swarmboard.deadletter.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What the dead-letter topic holds, read to its end: each letter's source coordinates and who wrote it. */
final class DeadLetterSources {

    private DeadLetterSources() {
    }

    /** Source coordinates ({@code topic-partition@offset}) of every dead letter, with the service/instance of each. */
    static Map<String, List<String>> servicesBySource(Map<String, Object> client, String deadLetterTopic) {
        Map<String, List<String>> found = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(client, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> letter : consumer.poll(Duration.ofMillis(200))) {
                    String source = header(letter, DeadLetters.TOPIC) + "-" + header(letter, DeadLetters.PARTITION)
                            + "@" + header(letter, DeadLetters.OFFSET);
                    found.computeIfAbsent(source, key -> new ArrayList<>())
                            .add(header(letter, DeadLetters.SERVICE) + "/" + header(letter, DeadLetters.INSTANCE));
                }
            }
        }
        return found;
    }

    /** A header's value as text, null when absent. */
    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
