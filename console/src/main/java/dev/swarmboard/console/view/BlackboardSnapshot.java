package dev.swarmboard.console.view;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.blackboard.TopicPartitions;
import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.codec.EventDecodeException;
import dev.swarmboard.deadletter.SkippingConsumer;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.topic.TopicCatalogue;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The missions as they stand now, for {@code swarm missions} and {@code swarm show}: the blackboard
 * read (committed events only) up to its current end and folded by {@link MissionTimeline}.
 */
public final class BlackboardSnapshot {

    private static final Logger LOG = LoggerFactory.getLogger(BlackboardSnapshot.class);

    private BlackboardSnapshot() {
    }

    /** One mission, read from its own partition; its view has no events when it was never submitted. */
    public static MissionView mission(Map<String, Object> clientProperties, TopicCatalogue catalogue, Codecs codecs,
                                      String missionId) {
        try (BlackboardReader reader = new BlackboardReader(clientProperties, catalogue, codecs)) {
            return MissionTimeline.replay(missionId, reader.readMission(missionId).events().stream()
                    .map(RecordedEvent::event).toList());
        }
    }

    /** Every mission on the blackboard, the most recently updated first. */
    public static List<MissionView> missions(Map<String, Object> clientProperties, TopicCatalogue catalogue,
                                             Codecs codecs) {
        AvroCodec<BlackboardEvent> codec = codecs.events().codec();
        Map<String, MissionTimeline> timelines = new LinkedHashMap<>();
        try (var consumer = new SkippingConsumer<>(BlackboardReader.consumerProperties(clientProperties),
                new StringDeserializer(), new ByteArrayDeserializer(), unreadable -> LOG.warn(
                        "skipping unreadable record {}: {}", unreadable.coordinates(), unreadable.reason()))) {
            List<TopicPartition> partitions = TopicPartitions.all(consumer, catalogue.blackboard());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        BlackboardEvent event = codec.decode(record.value());
                        timelines.computeIfAbsent(event.getHeader().getMissionId(), MissionTimeline::new).apply(event);
                    } catch (EventDecodeException e) {
                        LOG.warn("skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(),
                                record.offset(), e.getMessage());
                    }
                }
            }
        }
        return timelines.values().stream().map(MissionTimeline::view)
                .sorted(Comparator.comparing(MissionView::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }
}
