package dev.swarmboard.missionindex;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.TopicPartitions;
import dev.swarmboard.topic.TopicCatalogue;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where a cold reader of one mission (a watch, {@code submit --wait}) seeks on the blackboard: the
 * mission's partition, its committed end taken before the index lookup, and the lookup's answer.
 *
 * @param end committed end of the partition before the lookup: a mission absent from the index then
 *            has nothing committed before it
 */
public record MissionLocation(TopicPartition partition, long end, ReadStart start) {

    /** Looks the mission up in the catalogue's mission index (one index partition read). */
    public static MissionLocation of(Map<String, Object> clientProperties, TopicCatalogue catalogue, String missionId) {
        Map<String, Object> properties = BlackboardReader.consumerProperties(clientProperties);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             MissionIndex index = new MissionIndex(clientProperties, catalogue.missionIndex())) {
            TopicPartition partition = TopicPartitions.ofMission(consumer, catalogue.blackboard(), missionId);
            long end = consumer.endOffsets(Set.of(partition)).get(partition);
            int partitions = TopicPartitions.all(consumer, catalogue.blackboard()).size();
            return new MissionLocation(partition, end, index.lookup(missionId, partition.partition(), partitions));
        }
    }

    /**
     * The offset to follow a mission just submitted from: its start, or for a mission the index
     * knows to be absent the end (its first event has not been committed yet).
     */
    public long followFrom() {
        return start instanceof ReadStart.Absent ? end : start.offset();
    }
}
