package dev.swarmboard.missionindex;

import dev.swarmboard.blackboard.BlackboardReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A read-committed view of the compacted mission index topic, caught up per index partition on each
 * lookup: a cold lookup reads the one index partition of the mission (one small record per mission
 * on it), a long-lived view only what was appended since its last lookup. Index partition {@code p}
 * holds the entries of the missions on blackboard partition {@code p} (both topics have the same
 * count and the same key hash), that partition's marker and its missions' open follow-ups. A missing index topic, or one with
 * another partition count than the blackboard, makes every lookup a scan. Not thread-safe.
 */
public final class MissionIndex implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_LIMIT = Duration.ofSeconds(60);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Map<Integer, Long> positions = new HashMap<>();
    private final Map<String, IndexEntry> missions = new HashMap<>();
    private final Map<Integer, Long> indexedFrom = new HashMap<>();
    private final Map<Integer, Map<String, IndexEntry>> followUps = new HashMap<>();
    private long recordsRead;

    public MissionIndex(Map<String, Object> clientProperties, String topic) {
        this.consumer = new KafkaConsumer<>(BlackboardReader.consumerProperties(clientProperties),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
    }

    /**
     * Where a reader of the mission starts on blackboard partition {@code partition} of a blackboard
     * with {@code blackboardPartitions} partitions.
     */
    public ReadStart lookup(String missionId, int partition, int blackboardPartitions) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            return new ReadStart.Scan("no mission index topic " + topic);
        }
        if (infos.size() != blackboardPartitions) {
            return new ReadStart.Scan("mission index " + topic + " has " + infos.size() + " partitions, the blackboard "
                    + blackboardPartitions);
        }
        catchUp(partition);
        return StartDecision.decide(missionId, partition, missions.get(missionId), indexedFrom.get(partition));
    }

    /**
     * The offset from which blackboard partition {@code partition} is completely indexed (its marker),
     * or empty when it has none or the index topic does not exist.
     */
    public Optional<Long> indexedFrom(int partition) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || partition >= infos.size()) {
            return Optional.empty();
        }
        catchUp(partition);
        return Optional.ofNullable(indexedFrom.get(partition));
    }

    /**
     * The open follow-ups of the missions on blackboard partition {@code partition}: each a
     * {@link IndexEntry.FollowUp}, or a {@link IndexEntry.Malformed} under a follow-up key of a kind
     * this version does not know (its mission is named by {@link MissionIndexCodec#followUpMission}).
     * Empty when the index topic does not exist.
     */
    public List<IndexEntry> followUps(int partition) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || partition >= infos.size()) {
            return List.of();
        }
        catchUp(partition);
        return new ArrayList<>(followUps.getOrDefault(partition, Map.of()).values());
    }

    /** Index records read so far, all partitions together. */
    public long recordsRead() {
        return recordsRead;
    }

    private void catchUp(int partition) {
        TopicPartition indexPartition = new TopicPartition(topic, partition);
        consumer.assign(Set.of(indexPartition));
        long end = consumer.endOffsets(Set.of(indexPartition)).get(indexPartition);
        long position = Math.max(positions.getOrDefault(partition, 0L),
                consumer.beginningOffsets(Set.of(indexPartition)).get(indexPartition));
        if (position >= end) {
            return;
        }
        consumer.seek(indexPartition, position);
        long deadline = System.nanoTime() + READ_LIMIT.toNanos();
        while (consumer.position(indexPartition) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reading the mission index " + indexPartition + " did not reach offset "
                        + end + " within " + READ_LIMIT.toSeconds() + " s");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                recordsRead++;
                remember(record);
            }
        }
        positions.put(partition, consumer.position(indexPartition));
    }

    private void remember(ConsumerRecord<String, byte[]> record) {
        IndexEntry entry = MissionIndexCodec.decode(record.key(), record.value(), record.partition());
        if (MissionIndexCodec.isFollowUpKey(record.key())) {
            Map<String, IndexEntry> open = followUps.computeIfAbsent(record.partition(), p -> new LinkedHashMap<>());
            if (record.value() == null) {
                open.remove(record.key());
            } else {
                open.put(record.key(), entry);
            }
        } else if (entry instanceof IndexEntry.IndexedFrom marker) {
            indexedFrom.merge(marker.partition(), marker.offset(), Math::min);
        } else if (entry instanceof IndexEntry.Start start) {
            // Two entries for one mission (a decision taken twice): the earlier offset is the safe one.
            missions.merge(start.missionId(), start, (known, next) -> known instanceof IndexEntry.Start earlier
                    && earlier.partition() == start.partition() && earlier.offset() <= start.offset() ? known : next);
        } else if (entry instanceof IndexEntry.Malformed malformed) {
            if (MissionIndexCodec.INDEXED_FROM_KEY.equals(malformed.key())) {
                indexedFrom.remove(record.partition());
            } else if (!malformed.key().isEmpty()) {
                missions.put(malformed.key(), malformed);
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
