package dev.swarmboard.lane.bench;

import dev.swarmboard.blackboard.TopicPartitions;
import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.schema.BlackboardEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Tails the blackboard like any monitor would (read-committed, every partition) and measures, for each
 * StageCompleted receipt, the time from the worker building it ({@code occurredAt}) to this consumer
 * reading it; and counts the lanes that yielded. Workers run on this machine, so the clocks agree.
 */
final class ReceiptTail implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroCodec<BlackboardEvent> codec;
    private final List<Long> receiptLagMs = new ArrayList<>();
    private final Set<String> yielded = new HashSet<>();
    private long lastYieldAtMs;

    ReceiptTail(Map<String, Object> client, String blackboard, AvroCodec<BlackboardEvent> codec) {
        this.consumer = new KafkaConsumer<>(BlackboardReader.consumerProperties(client), new StringDeserializer(),
                new ByteArrayDeserializer());
        this.codec = codec;
        List<TopicPartition> partitions = TopicPartitions.all(consumer, blackboard);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads until {@code lanes} distinct lanes have yielded or the timeout passes; returns whether they did. */
    boolean awaitYields(int lanes, Duration timeout) {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (yielded.size() < lanes && System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                observe(codec.decode(record.value()), System.currentTimeMillis());
            }
        }
        return yielded.size() >= lanes;
    }

    private void observe(BlackboardEvent event, long readAtMs) {
        switch (event.getHeader().getType()) {
            case "StageCompleted" -> receiptLagMs.add(readAtMs - event.getHeader().getOccurredAt().toEpochMilli());
            case "LaneYielded" -> {
                if (yielded.add(event.getHeader().getMissionId() + "/" + event.getHeader().getLaneId())) {
                    lastYieldAtMs = readAtMs;
                }
            }
            default -> {
            }
        }
    }

    /** Forgets what was measured so far (after a warm-up). */
    void reset() {
        receiptLagMs.clear();
        yielded.clear();
    }

    List<Long> receiptLagMs() {
        return List.copyOf(receiptLagMs);
    }

    long lastYieldAtMs() {
        return lastYieldAtMs;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
