package dev.swarmboard.cli.bench;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.blackboard.TopicPartitions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Notes when each mission's first verdict ({@code QuorumReached}) becomes readable to a
 * read_committed consumer of the blackboard, as {@link System#nanoTime()}: a verdict in an open or
 * aborted transaction is not a verdict anybody downstream can act on.
 */
final class VerdictWatch implements AutoCloseable {

    private static final String VERDICT = "QuorumReached";

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Long> readableAt = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile RuntimeException failure;

    VerdictWatch(Map<String, Object> clientProperties, String blackboard) {
        consumer = new KafkaConsumer<>(BlackboardReader.consumerProperties(clientProperties), new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = TopicPartitions.all(consumer, blackboard);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "verdict-watch");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header type = record.headers().lastHeader(BlackboardWriter.TYPE_HEADER);
                    if (type != null && VERDICT.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        readableAt.putIfAbsent(record.key(), System.nanoTime());
                    }
                }
            }
        } catch (WakeupException e) {
            // close() ends the loop
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    /** When the mission's verdict was first read, in nanoTime; blocks up to {@code timeout}. */
    long awaitVerdict(String missionId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!readableAt.containsKey(missionId)) {
            if (failure != null) {
                throw new IllegalStateException("the verdict reader failed", failure);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no verdict of " + missionId + " readable within " + timeout);
            }
            Thread.sleep(5);
        }
        return readableAt.get(missionId);
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        poller.join(Duration.ofSeconds(10).toMillis());
    }
}
