package dev.swarmboard.blackboard;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The blackboard partition of a mission: the same murmur2 hash Kafka's default partitioner applies
 * to the record key, so a reader can go straight to the one partition holding a mission.
 */
public final class MissionPartition {

    private MissionPartition() {
    }

    public static int of(String missionId, int partitions) {
        if (partitions < 1) {
            throw new IllegalStateException("the blackboard topic has no partitions here: does it exist on this cluster?");
        }
        byte[] key = missionId.getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }
}
