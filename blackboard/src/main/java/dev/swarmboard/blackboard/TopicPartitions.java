package dev.swarmboard.blackboard;

import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions a group-less reader assigns itself: all of a topic's, or the one holding a
 * mission. A topic that does not exist is a clear error, not an empty read or a division by zero.
 */
public final class TopicPartitions {

    private TopicPartitions() {
    }

    /** Every partition of the topic. */
    public static List<TopicPartition> all(Consumer<?, ?> consumer, String topic) {
        return existing(consumer, topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    /** The partition of the topic that holds the mission's records (see {@link MissionPartition}). */
    public static TopicPartition ofMission(Consumer<?, ?> consumer, String topic, String missionId) {
        return new TopicPartition(topic, MissionPartition.of(missionId, existing(consumer, topic).size()));
    }

    private static List<PartitionInfo> existing(Consumer<?, ?> consumer, String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic);
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist on this cluster");
        }
        return partitions;
    }
}
