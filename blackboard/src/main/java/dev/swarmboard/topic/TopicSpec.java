package dev.swarmboard.topic;

import dev.swarmboard.acl.ServiceRole;
import java.util.Map;
import java.util.Set;

/**
 * One topic of the catalogue: its full name, partition count, the configs it must have and which
 * services read and write it. The replication factor is left to the broker's default unless set. A
 * topic with {@code fixedPartitions} must keep exactly its count (keys map to partitions); the others
 * may have more.
 */
public record TopicSpec(String name, int partitions, boolean fixedPartitions, Short replicationFactor,
                        Map<String, String> configs, TopicAccess access) {

    public TopicSpec {
        configs = Map.copyOf(configs);
        access = access == null ? TopicAccess.UNASSIGNED : access;
    }

    /** A topic whose readers and writers are not assigned yet (see {@link #withAccess}). */
    public TopicSpec(String name, int partitions, boolean fixedPartitions, Short replicationFactor,
                     Map<String, String> configs) {
        this(name, partitions, fixedPartitions, replicationFactor, configs, TopicAccess.UNASSIGNED);
    }

    /** The same topic read by {@code readers} and written by {@code writers}. */
    public TopicSpec withAccess(Set<ServiceRole> readers, Set<ServiceRole> writers) {
        return new TopicSpec(name, partitions, fixedPartitions, replicationFactor, configs,
                TopicAccess.of(readers, writers));
    }
}
