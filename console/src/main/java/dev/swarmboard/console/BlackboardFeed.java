package dev.swarmboard.console;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.TopicPartitions;
import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.EventDecodeException;
import dev.swarmboard.deadletter.SkippingConsumer;
import dev.swarmboard.schema.BlackboardEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the whole blackboard from the start, committed events only (read_committed, no consumer
 * group, nothing committed), and folds every event into the {@link MissionBoard}. Undecodable
 * records and records the client cannot read are logged with their coordinates and skipped: the
 * services dead-letter them; a console writes nothing.
 */
final class BlackboardFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlackboardFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final SkippingConsumer<String, byte[]> consumer;
    private final AvroCodec<BlackboardEvent> codec;
    private final MissionBoard board;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    BlackboardFeed(Map<String, Object> clientProperties, String topic, AvroCodec<BlackboardEvent> codec,
                   MissionBoard board) {
        this.consumer = new SkippingConsumer<>(BlackboardReader.consumerProperties(clientProperties),
                new StringDeserializer(), new ByteArrayDeserializer(), unreadable -> LOG.warn(
                        "console skipping unreadable record {}: {}", unreadable.coordinates(), unreadable.reason()));
        List<TopicPartition> partitions = TopicPartitions.all(consumer, topic);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.codec = codec;
        this.board = board;
        this.thread = new Thread(this::run, "swarm-console-feed");
        this.thread.setDaemon(true);
    }

    BlackboardFeed start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    decode(record);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("console feed stopped: {}", e.toString(), e);
        } finally {
            consumer.close();
        }
    }

    private void decode(ConsumerRecord<String, byte[]> record) {
        try {
            board.apply(codec.decode(record.value()));
        } catch (EventDecodeException e) {
            LOG.warn("console skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    boolean alive() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
