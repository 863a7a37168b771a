package dev.swarmboard.blackboard;

import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.codec.EventDecodeException;
import dev.swarmboard.deadletter.SkippingConsumer;
import dev.swarmboard.deadletter.UnreadableRecord;
import dev.swarmboard.schema.BlackboardEvent;
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
 * Reads one mission's events, in log order, from the one blackboard partition that holds them.
 * Reads committed data only (aborted transactional writes never show) and stops at the end of the
 * partition as it was when the read began. No consumer group: nothing is committed. A record the
 * client cannot read at all (a corrupt batch) is skipped and listed in the log, whatever its key.
 * An event its {@link FactVerifier} refuses is no event of the mission: it is listed as untrusted.
 */
public final class BlackboardReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_LIMIT = Duration.ofSeconds(60);

    private final SkippingConsumer<String, byte[]> consumer;
    private final List<UnreadableRecord> unreadable = new ArrayList<>();
    private final AvroCodec<BlackboardEvent> codec;
    private final String topic;
    private final FactVerifier verifier;

    public BlackboardReader(Map<String, Object> clientProperties, TopicCatalogue catalogue, Codecs codecs) {
        this(clientProperties, catalogue.blackboard(), codecs);
    }

    public BlackboardReader(Map<String, Object> clientProperties, TopicCatalogue catalogue, Codecs codecs,
                            FactVerifier verifier) {
        this(clientProperties, catalogue.blackboard(), codecs, verifier);
    }

    public BlackboardReader(Map<String, Object> clientProperties, String topic, Codecs codecs) {
        this(clientProperties, topic, codecs, FactVerifier.unauthenticated());
    }

    /** A reader that keeps only the events {@code verifier} accepts. */
    public BlackboardReader(Map<String, Object> clientProperties, String topic, Codecs codecs, FactVerifier verifier) {
        this.consumer = new SkippingConsumer<>(consumerProperties(clientProperties),
                new StringDeserializer(), new ByteArrayDeserializer(), unreadable::add);
        this.codec = codecs.events().codec();
        this.topic = topic;
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

    /** The mission's events up to the current end of its partition. */
    public MissionLog readMission(String missionId) {
        return readMission(missionId, 0, endOffset(missionId));
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
        consumer.seek(partition, Math.max(fromOffset, consumer.beginningOffsets(Set.of(partition)).get(partition)));
        List<RecordedEvent> events = new ArrayList<>();
        List<UndecodableRecord> undecodable = new ArrayList<>();
        unreadable.clear();
        long deadline = System.nanoTime() + READ_LIMIT.toNanos();
        while (consumer.position(partition) < toOffset) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reading mission " + missionId + " from " + partition
                        + " did not reach offset " + toOffset + " within " + READ_LIMIT.toSeconds() + " s");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < toOffset && Objects.equals(record.key(), missionId)) {
                    decodeInto(record, missionId, events, undecodable);
                }
            }
        }
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
    }
}
