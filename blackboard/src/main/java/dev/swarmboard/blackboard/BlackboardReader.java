package dev.swarmboard.blackboard;

import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.codec.EventDecodeException;
import dev.swarmboard.deadletter.SkippingConsumer;
import dev.swarmboard.deadletter.UnreadableRecord;
import dev.swarmboard.missionindex.MissionIndex;
import dev.swarmboard.missionindex.ReadStart;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.MissionStart;
import dev.swarmboard.signing.FactCheck;
import dev.swarmboard.signing.FactVerifier;
import dev.swarmboard.topic.TopicCatalogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one mission's events, in log order, from the one blackboard partition that holds them,
 * beginning at the mission's start (carried by a task or plan, or looked up in the mission index;
 * a scan from offset 0 only when neither knows it). Reads committed data only (aborted transactional
 * writes never show) and stops at the end of the partition as it was when the read began. No
 * consumer group: nothing is committed. A record the client cannot read at all (a corrupt batch) is
 * skipped and listed in the log, whatever its key. An event its {@link FactVerifier} refuses is no
 * event of the mission: it is listed as untrusted.
 */
public final class BlackboardReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_LIMIT = Duration.ofSeconds(60);

    private final SkippingConsumer<String, byte[]> consumer;
    private final List<UnreadableRecord> unreadable = new ArrayList<>();
    private final AvroCodec<BlackboardEvent> codec;
    private final String topic;
    private final Map<String, Object> clientProperties;
    private final String indexTopic;
    private final FactVerifier verifier;
    private MissionIndex index;
    private ReadStats lastRead = new ReadStats(0, 0, 0);

    /** A reader that finds missions' starts in the catalogue's mission index. */
    public BlackboardReader(Map<String, Object> clientProperties, TopicCatalogue catalogue, Codecs codecs) {
        this(clientProperties, catalogue, codecs, FactVerifier.unauthenticated());
    }

    /** A reader using the catalogue's mission index that keeps only the events {@code verifier} accepts. */
    public BlackboardReader(Map<String, Object> clientProperties, TopicCatalogue catalogue, Codecs codecs,
                            FactVerifier verifier) {
        this(clientProperties, catalogue.blackboard(), catalogue.missionIndex(), codecs, verifier);
    }

    /** A reader without a mission index: a read that is not given its start scans from offset 0. */
    public BlackboardReader(Map<String, Object> clientProperties, String topic, Codecs codecs) {
        this(clientProperties, topic, codecs, FactVerifier.unauthenticated());
    }

    /** A reader without a mission index that keeps only the events {@code verifier} accepts. */
    public BlackboardReader(Map<String, Object> clientProperties, String topic, Codecs codecs, FactVerifier verifier) {
        this(clientProperties, topic, null, codecs, verifier);
    }

    private BlackboardReader(Map<String, Object> clientProperties, String topic, String indexTopic, Codecs codecs,
                             FactVerifier verifier) {
        Map<String, Object> properties = consumerProperties(clientProperties);
        // A read from before the log's start (retention deleted it) resets to the start: no lookup of the
        // log start on every read.
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new SkippingConsumer<>(properties,
                new StringDeserializer(), new ByteArrayDeserializer(), unreadable::add);
        this.codec = codecs.events().codec();
        this.topic = topic;
        this.clientProperties = Map.copyOf(clientProperties);
        this.indexTopic = indexTopic;
        this.verifier = verifier;
    }

    /** Settings of a group-less, read-committed reader. */
    public static Map<String, Object> consumerProperties(Map<String, Object> clientProperties) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        // A bounded read knows where it stops: a fetch parked at the broker for the default 500 ms
        // (read_committed returns early only when the stable offset moves) only adds latency.
        properties.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        return properties;
    }

    /**
     * The mission's events up to the current end of its partition, from its start in the mission
     * index; a mission the index does not know (started before the index, or written outside the
     * orchestrator) is read from offset 0.
     */
    public MissionLog readMission(String missionId) {
        long end = endOffset(missionId);
        return readMission(missionId, start(missionId).offset(), end);
    }

    /**
     * The mission's events up to the current end of its partition, from {@code start} when it is the
     * mission's partition (a task's or plan's), otherwise as {@link #readMission(String)}.
     */
    public MissionLog readMission(String missionId, MissionStart start) {
        if (start == null || start.getPartition() != partitionOf(missionId).partition()) {
            return readMission(missionId);
        }
        return readMission(missionId, start.getOffset(), endOffset(missionId));
    }

    /** Where a reader of the mission begins, by the mission index (a scan from 0 without one). */
    public ReadStart start(String missionId) {
        if (indexTopic == null) {
            return new ReadStart.Scan("this reader has no mission index");
        }
        if (index == null) {
            index = new MissionIndex(clientProperties, indexTopic);
        }
        TopicPartition partition = partitionOf(missionId);
        int partitions = consumer.partitionsFor(topic).size();
        return index.lookup(missionId, partition.partition(), partitions);
    }

    /** The blackboard partition of the mission on this cluster. */
    public int partition(String missionId) {
        return partitionOf(missionId).partition();
    }

    /** What the last {@code readMission} read: where it began and ended, and how many records it polled. */
    public ReadStats lastRead() {
        return lastRead;
    }

    /**
     * The current end of the mission's partition (committed data only): a later
     * {@link #readMission(String, long, long)} from here returns only what was appended since.
     */
    public long endOffset(String missionId) {
        TopicPartition partition = partitionOf(missionId);
        return consumer.endOffsets(Set.of(partition)).get(partition);
    }

    /**
     * The mission's events with offsets in {@code [fromOffset, toOffset)}, in log order; an offset before
     * the start of the log reads from its start.
     */
    public MissionLog readMission(String missionId, long fromOffset, long toOffset) {
        TopicPartition partition = partitionOf(missionId);
        consumer.assign(Set.of(partition));
        consumer.seek(partition, fromOffset);
        List<RecordedEvent> events = new ArrayList<>();
        List<UndecodableRecord> undecodable = new ArrayList<>();
        unreadable.clear();
        long deadline = System.nanoTime() + READ_LIMIT.toNanos();
        long begin = consumer.position(partition);
        long polled = 0;
        while (consumer.position(partition) < toOffset) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reading mission " + missionId + " from " + partition
                        + " did not reach offset " + toOffset + " within " + READ_LIMIT.toSeconds() + " s");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                polled++;
                if (record.offset() < toOffset && Objects.equals(record.key(), missionId)) {
                    decodeInto(record, missionId, events, undecodable);
                }
            }
        }
        lastRead = new ReadStats(begin, toOffset, polled);
        return new MissionLog(missionId, events, undecodable,
                unreadable.stream().filter(record -> record.offset() < toOffset).toList());
    }

    private TopicPartition partitionOf(String missionId) {
        return TopicPartitions.ofMission(consumer, topic, missionId);
    }

    private void decodeInto(ConsumerRecord<String, byte[]> record, String missionId,
                            List<RecordedEvent> events, List<UndecodableRecord> undecodable) {
        try {
            BlackboardEvent event = codec.decode(record.value());
            FactCheck check = verifier.check(event);
            if (!check.accepted()) {
                undecodable.add(UndecodableRecord.untrusted(record.topic(), record.partition(), record.offset(),
                        record.key(), event.getHeader().getType() + " " + event.getHeader().getEventId()
                                + " (signer " + check.signer() + ") refused: " + check.problem()));
            } else if (missionId.equals(event.getHeader().getMissionId())) {
                events.add(new RecordedEvent(event, record.topic(), record.partition(), record.offset(),
                        record.timestamp(), record.value()));
            } else {
                undecodable.add(UndecodableRecord.misattributed(record.topic(), record.partition(), record.offset(),
                        record.key(), "key names mission " + missionId + " but header names "
                        + event.getHeader().getMissionId()));
            }
        } catch (EventDecodeException e) {
            undecodable.add(UndecodableRecord.foreign(record.topic(), record.partition(), record.offset(),
                    record.key(), e.getMessage()));
        }
    }

    @Override
    public void close() {
        consumer.close();
        if (index != null) {
            index.close();
        }
    }

    /** One read: the offsets it began at and stopped before, and the records it polled (any key). */
    public record ReadStats(long fromOffset, long toOffset, long recordsPolled) {
    }
}
