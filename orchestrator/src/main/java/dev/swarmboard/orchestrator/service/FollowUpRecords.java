package dev.swarmboard.orchestrator.service;

import dev.swarmboard.blackboard.MissionPartition;
import dev.swarmboard.missionindex.IndexEntry;
import dev.swarmboard.missionindex.MissionIndexCodec;
import dev.swarmboard.schema.MissionStart;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The mission index records that open and close a mission's follow-ups (see
 * {@link IndexEntry.FollowUp}): opened in the transaction that writes the pause or the escalation,
 * closed by a tombstone once nothing more is owed. Each lands on the mission's own index partition.
 */
final class FollowUpRecords {

    private final String topic;
    private final int partitions;

    FollowUpRecords(String indexTopic, int blackboardPartitions) {
        this.topic = indexTopic;
        this.partitions = blackboardPartitions;
    }

    ProducerRecord<byte[], byte[]> open(String kind, String missionId, String escalationId, MissionStart start) {
        return new ProducerRecord<>(topic, start.getPartition(), key(kind, missionId, escalationId),
                MissionIndexCodec.encodeValue(start.getPartition(), start.getOffset()));
    }

    ProducerRecord<byte[], byte[]> close(String kind, String missionId, String escalationId) {
        return new ProducerRecord<>(topic, MissionPartition.of(missionId, partitions),
                key(kind, missionId, escalationId), null);
    }

    private static byte[] key(String kind, String missionId, String escalationId) {
        return MissionIndexCodec.followUpKey(kind, missionId, escalationId).getBytes(StandardCharsets.UTF_8);
    }
}
