package dev.swarmboard.orchestrator.mission;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.TopicPartitions;
import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.codec.EventDecodeException;
import dev.swarmboard.deadletter.SkippingConsumer;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.topic.TopicCatalogue;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for the orchestrator's {@link CommandAnswer} to a command on one mission. Opened before the
 * command is sent: it takes the end of the mission's blackboard partition first, so an answer
 * written right after the send is not missed, and reads committed events only from there.
 */
public final class CommandAwait implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandAwait.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final SkippingConsumer<String, byte[]> consumer;
    private final AvroCodec<BlackboardEvent> codec;
    private final String missionId;

    private CommandAwait(SkippingConsumer<String, byte[]> consumer, AvroCodec<BlackboardEvent> codec,
                         String missionId) {
        this.consumer = consumer;
        this.codec = codec;
        this.missionId = missionId;
    }

    /** Marks the current end of the mission's partition; send the command after this returns. */
    public static CommandAwait open(Map<String, Object> clientProperties, TopicCatalogue topics, Codecs codecs,
                                    String missionId) {
        var consumer = new SkippingConsumer<>(BlackboardReader.consumerProperties(clientProperties),
                new StringDeserializer(), new ByteArrayDeserializer(), unreadable -> LOG.warn(
                        "skipping unreadable record {} while awaiting an answer: {}", unreadable.coordinates(),
                        unreadable.reason()));
        TopicPartition partition = TopicPartitions.ofMission(consumer, topics.blackboard(), missionId);
        consumer.assign(Set.of(partition));
        consumer.seekToEnd(Set.of(partition));
        consumer.position(partition);
        return new CommandAwait(consumer, codecs.events().codec(), missionId);
    }

    /** The answer to the command, or empty when none came within the timeout. */
    public Optional<CommandAnswer> answer(String commandId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                Optional<CommandAnswer> answer = missionId.equals(record.key()) ? decode(record, commandId) : Optional.empty();
                if (answer.isPresent()) {
                    return answer;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<CommandAnswer> decode(ConsumerRecord<String, byte[]> record, String commandId) {
        try {
            return CommandAnswer.of(codec.decode(record.value()), commandId);
        } catch (EventDecodeException e) {
            LOG.warn("skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
