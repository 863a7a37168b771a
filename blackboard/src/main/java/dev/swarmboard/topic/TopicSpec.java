package dev.swarmboard.topic;

import java.util.Map;

/**
 * One topic of the catalogue: its full name, partition count and the configs it must have. The
 * replication factor is left to the broker's default unless set. A topic with {@code fixedPartitions}
 * must keep exactly its count (keys map to partitions); the others may have more.
 */
public record TopicSpec(String name, int partitions, boolean fixedPartitions, Short replicationFactor,
                        Map<String, String> configs) {

    public TopicSpec {
        configs = Map.copyOf(configs);
    }
}
