package dev.swarmboard.lane.backlog;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Measures the lane workers' {@link Backlog} with Admin calls: the topic's partitions, their committed
 * end offsets (the group reads {@code read_committed}) and the share group's offsets. A partition's
 * backlog is the broker's share-partition lag (records from the start offset to the end not yet
 * acknowledged), or end minus start offset where the broker reports no lag. A partition the group
 * has no state for yet (no worker ever joined) counts from its log start, since the group reads from
 * the earliest task ({@code share.auto.offset.reset=earliest}).
 */
public final class ShareGroupBacklog {

    private final Admin admin;
    private final String group;
    private final String topic;
    private final Duration timeout;
    private long deadline;

    /** Measures {@code group} on {@code topic}; one measurement, all its calls together, takes at most {@code timeout}. */
    public ShareGroupBacklog(Admin admin, String group, String topic, Duration timeout) {
        this.admin = admin;
        this.group = group;
        this.topic = topic;
        this.timeout = timeout;
    }

    /** The backlog now; a Kafka failure is an {@link IllegalStateException} naming group, topic and cause. */
    public synchronized Backlog measure() {
        deadline = System.nanoTime() + timeout.toNanos();
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic),
                    new DescribeTopicsOptions().timeoutMs(remainingMs())).allTopicNames().get()
                    .get(topic).partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, SharePartitionOffsetInfo> starts = startOffsets(partitions);
            List<TopicPartition> unstarted = partitions.stream().filter(p -> startOf(starts, p) < 0).toList();
            Map<TopicPartition, Long> logStarts = unstarted.isEmpty() ? Map.of() : offsets(unstarted, OffsetSpec.earliest());
            Map<Integer, Long> backlog = new HashMap<>();
            for (TopicPartition partition : partitions) {
                backlog.put(partition.partition(), backlogOf(partition, ends, starts, logStarts));
            }
            return new Backlog(group, topic, backlog);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the backlog of " + group, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot measure the backlog of share group " + group + " on " + topic
                    + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
        ListOffsetsOptions options = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        options.timeoutMs(remainingMs());
        return admin.listOffsets(request, options).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> offsetOf(entry.getValue())));
    }

    private Map<TopicPartition, SharePartitionOffsetInfo> startOffsets(List<TopicPartition> partitions)
            throws InterruptedException, ExecutionException {
        ListShareGroupOffsetsOptions options = new ListShareGroupOffsetsOptions();
        options.timeoutMs(remainingMs());
        try {
            Map<TopicPartition, SharePartitionOffsetInfo> offsets = admin.listShareGroupOffsets(
                    Map.of(group, new ListShareGroupOffsetsSpec().topicPartitions(partitions)), options)
                    .partitionsToOffsetInfo(group).get();
            return offsets == null ? Map.of() : offsets;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Map.of();
            }
            throw e;
        }
    }

    /** What is left of this measurement's time, at least 1 ms (the Admin client's smallest timeout). */
    private int remainingMs() {
        return (int) Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis());
    }

    private static long backlogOf(TopicPartition partition, Map<TopicPartition, Long> ends,
                                  Map<TopicPartition, SharePartitionOffsetInfo> starts,
                                  Map<TopicPartition, Long> logStarts) {
        if (logStarts.containsKey(partition)) {
            return Math.max(0, ends.get(partition) - logStarts.get(partition));
        }
        SharePartitionOffsetInfo info = starts.get(partition);
        // The broker's lag leaves out records past the start offset that are already acknowledged; the
        // start offset alone stays on the last acknowledged record, so end minus start never reaches 0.
        return info.lag().orElseGet(() -> Math.max(0, ends.get(partition) - info.startOffset()));
    }

    /** The share-partition start offset, or -1 when the group has none for it yet. */
    private static long startOf(Map<TopicPartition, SharePartitionOffsetInfo> starts, TopicPartition partition) {
        SharePartitionOffsetInfo info = starts.get(partition);
        return info == null ? -1 : info.startOffset();
    }

    private static long offsetOf(ListOffsetsResultInfo info) {
        return info.offset();
    }
}
