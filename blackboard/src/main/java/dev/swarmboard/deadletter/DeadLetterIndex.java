package dev.swarmboard.deadletter;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.TopicPartitions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where records were dead-lettered: reads the dead-letter topic once, up to its current end, and
 * finds the letters whose source coordinates are asked for. Read-only, no consumer group.
 */
public final class DeadLetterIndex {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_LIMIT = Duration.ofSeconds(60);

    private DeadLetterIndex() {
    }

    /** One dead letter of a source record: where it is and which service instance wrote it. */
    public record Letter(String coordinates, String service, String instance) {

        @Override
        public String toString() {
            return coordinates + " by " + service + "/" + instance;
        }
    }

    /**
     * The dead letters of the given source coordinates ({@code topic-partition@offset}), keyed by
     * them; coordinates never dead-lettered are absent.
     */
    public static Map<String, List<Letter>> find(Map<String, Object> clientProperties, String deadLetterTopic,
                                                 Set<String> sources) {
        Map<String, List<Letter>> found = new HashMap<>();
        if (sources.isEmpty()) {
            return found;
        }
        try (var consumer = new KafkaConsumer<>(BlackboardReader.consumerProperties(clientProperties),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = TopicPartitions.all(consumer, deadLetterTopic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (!reachedEnd(consumer, ends) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> letter : consumer.poll(POLL)) {
                    String source = header(letter, DeadLetters.TOPIC) + "-" + header(letter, DeadLetters.PARTITION)
                            + "@" + header(letter, DeadLetters.OFFSET);
                    if (sources.contains(source)) {
                        found.computeIfAbsent(source, key -> new ArrayList<>()).add(new Letter(
                                letter.topic() + "-" + letter.partition() + "@" + letter.offset(),
                                header(letter, DeadLetters.SERVICE), header(letter, DeadLetters.INSTANCE)));
                    }
                }
            }
        }
        return found;
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
