package dev.swarmboard.orchestrator.service;

import dev.swarmboard.missionindex.MissionIndex;
import dev.swarmboard.missionindex.MissionIndexCodec;
import dev.swarmboard.topic.TopicCatalogue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The mission index's per-partition markers the orchestrator owes at its start: for each blackboard
 * partition without one, "indexed from" its current end (committed or not). From then on this
 * orchestrator indexes every mission it starts, so a mission absent from the index and first written
 * after that offset does not exist. On a new blackboard the markers are 0: absent means absent. A
 * partition with older history keeps a marker above 0, and a miss there is scanned from offset 0.
 */
final class IndexMarkers {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private IndexMarkers() {
    }

    static List<ProducerRecord<byte[], byte[]>> missing(Admin admin, Map<String, Object> clientProperties,
                                                        TopicCatalogue topics) {
        List<Integer> unmarked = new ArrayList<>();
        try (MissionIndex index = new MissionIndex(clientProperties, topics.missionIndex())) {
            for (int partition = 0; partition < topics.blackboardPartitions(); partition++) {
                if (index.indexedFrom(partition).isEmpty()) {
                    unmarked.add(partition);
                }
            }
        }
        if (unmarked.isEmpty()) {
            return List.of();
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        unmarked.forEach(partition -> latest.put(new TopicPartition(topics.blackboard(), partition), OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends;
        try {
            ends = admin.listOffsets(latest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("cannot read the blackboard's end offsets for the mission index markers", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted reading the blackboard's end offsets", e);
        }
        List<ProducerRecord<byte[], byte[]>> markers = new ArrayList<>();
        ends.forEach((partition, end) -> markers.add(new ProducerRecord<>(topics.missionIndex(), partition.partition(),
                MissionIndexCodec.INDEXED_FROM_KEY.getBytes(StandardCharsets.UTF_8),
                MissionIndexCodec.encodeValue(partition.partition(), end.offset()))));
        return markers;
    }
}
