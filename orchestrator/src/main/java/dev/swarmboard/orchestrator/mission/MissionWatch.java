package dev.swarmboard.orchestrator.mission;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.codec.EventDecodeException;
import dev.swarmboard.deadletter.SkippingConsumer;
import dev.swarmboard.deadletter.UnreadableRecord;
import dev.swarmboard.missionindex.MissionLocation;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.signing.FactCheck;
import dev.swarmboard.signing.FactVerifier;
import dev.swarmboard.signing.UntrustedFactException;
import dev.swarmboard.topic.TopicCatalogue;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one mission live, for {@code swarm submit --wait}: reads its blackboard partition from
 * the mission's start in the mission index (committed events only; a mission not yet in it from the
 * partition's end before the lookup, a partition not indexed from 0) and folds each of the mission's events into a
 * {@link MissionStatus} until the status is finished or the time is up. Undecodable records and
 * records the client cannot read (a corrupt batch) are reported and skipped, and so are facts the
 * trust file refuses (a forged DigestPublished does not end the wait); the services dead-letter
 * them, a watch writes nothing.
 */
public final class MissionWatch {

    private static final Logger LOG = LoggerFactory.getLogger(MissionWatch.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private MissionWatch() {
    }

    /**
     * Returns the status once finished, or as it stands when {@code timeout} passes (then
     * {@link MissionStatus#finished()} is false). {@code onEvent} sees every event of the mission.
     */
    public static MissionStatus await(Map<String, Object> clientProperties, TopicCatalogue topics, Codecs codecs,
                                      String missionId, MissionStatus status, Duration timeout,
                                      Consumer<BlackboardEvent> onEvent) {
        return await(clientProperties, topics, codecs, missionId, status, timeout, onEvent,
                FactVerifier.unauthenticated());
    }

    /** As {@link #await(Map, TopicCatalogue, Codecs, String, MissionStatus, Duration, Consumer)}, counting only facts {@code verifier} accepts. */
    public static MissionStatus await(Map<String, Object> clientProperties, TopicCatalogue topics, Codecs codecs,
                                      String missionId, MissionStatus status, Duration timeout,
                                      Consumer<BlackboardEvent> onEvent, FactVerifier verifier) {
        AvroCodec<BlackboardEvent> codec = codecs.events().codec();
        try (var consumer = new SkippingConsumer<>(BlackboardReader.consumerProperties(clientProperties),
                new StringDeserializer(), new ByteArrayDeserializer(), MissionWatch::reportUnreadable)) {
            MissionLocation location = MissionLocation.of(clientProperties, topics, missionId);
            TopicPartition partition = location.partition();
            consumer.assign(Set.of(partition));
            consumer.seek(partition, location.followFrom());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!status.finished() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (missionId.equals(record.key())) {
                        decode(codec, record, missionId, status, onEvent, verifier);
                    }
                }
            }
        }
        return status;
    }

    private static void reportUnreadable(UnreadableRecord record) {
        LOG.warn("skipping unreadable record {} while watching (its key is unknown): {}", record.coordinates(),
                record.reason());
    }

    private static void decode(AvroCodec<BlackboardEvent> codec, ConsumerRecord<String, byte[]> record,
                               String missionId, MissionStatus status, Consumer<BlackboardEvent> onEvent,
                               FactVerifier verifier) {
        try {
            BlackboardEvent event = codec.decode(record.value());
            FactCheck check = verifier.check(event);
            if (!check.accepted()) {
                LOG.warn("skipping untrusted fact {}-{}@{} of mission {}: {}", record.topic(), record.partition(),
                        record.offset(), missionId, new UntrustedFactException(event, check).getMessage());
            } else if (missionId.equals(event.getHeader().getMissionId())) {
                onEvent.accept(event);
                status.apply(event);
            }
        } catch (EventDecodeException e) {
            LOG.warn("skipping undecodable record {}-{}@{} of mission {}: {}", record.topic(), record.partition(),
                    record.offset(), missionId, e.getMessage());
        }
    }
}
