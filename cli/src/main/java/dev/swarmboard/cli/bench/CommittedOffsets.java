package dev.swarmboard.cli.bench;

import dev.swarmboard.blackboard.BlackboardWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** A consumer group's committed (stable) offsets, to wait until it has processed given records. */
final class CommittedOffsets implements AutoCloseable {

    private final Admin admin;
    private final String group;
    private final String topic;

    CommittedOffsets(Map<String, Object> clientProperties, String group, String topic) {
        this.admin = Admin.create(clientProperties);
        this.group = group;
        this.topic = topic;
    }

    /** Blocks until the group's committed offsets are past every one of {@code events}. */
    void awaitPast(List<BlackboardWriter.AppendedEvent> events, Duration timeout) throws Exception {
        Map<TopicPartition, Long> needed = new HashMap<>();
        events.forEach(event -> needed.merge(new TopicPartition(topic, event.partition()), event.offset() + 1,
                Math::max));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!past(needed)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(group + " did not commit past " + needed + " within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private boolean past(Map<TopicPartition, Long> needed) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group,
                new ListConsumerGroupOffsetsOptions().requireStable(true)).partitionsToOffsetAndMetadata().get();
        return needed.entrySet().stream().allMatch(entry -> {
            OffsetAndMetadata offset = committed.get(entry.getKey());
            return offset != null && offset.offset() >= entry.getValue();
        });
    }

    @Override
    public void close() {
        admin.close();
    }
}
