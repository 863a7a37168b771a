package dev.swarmboard.deadletter;

import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;

/**
 * A record the Kafka client could not hand out at all — its batch failed the CRC check, or a
 * deserializer refused it — with where it is and the client's error. The consumer stays stuck at
 * it until it seeks past, which {@link #skip(Consumer)} does.
 */
public record UnreadableRecord(TopicPartition partition, long offset, KafkaException error) {

    // The consumer's text for a record it cannot return; the partition follows "from ".
    private static final String SEEK_PAST = "If needed, please seek past the record";

    /**
     * The record a failed poll is stuck at, if the failure is one the consumer recovers from by
     * seeking past; otherwise empty (the error is about the client or the cluster, not a record).
     */
    public static Optional<UnreadableRecord> of(KafkaException error, Consumer<?, ?> consumer) {
        if (error instanceof RecordDeserializationException refused) {
            return Optional.of(new UnreadableRecord(refused.topicPartition(), refused.offset(), error));
        }
        String message = error.getMessage();
        if (message == null || !message.contains(SEEK_PAST)) {
            return Optional.empty();
        }
        return consumer.assignment().stream()
                .filter(partition -> message.contains("from " + partition + ". "))
                .findFirst()
                .map(partition -> new UnreadableRecord(partition, consumer.position(partition), error));
    }

    /** Moves the consumer to the record after this one. */
    public void skip(Consumer<?, ?> consumer) {
        consumer.seek(partition, offset + 1);
    }

    /** The coordinates as a dead-letter source; the bytes could not be had. */
    public DeadLetters.SourceRecord source() {
        return new DeadLetters.SourceRecord(partition.topic(), partition.partition(), offset, null, null);
    }

    /** The client's reason, with its cause (which names the batch and the checksum). */
    public String reason() {
        Throwable cause = error.getCause();
        return error.getMessage() + (cause == null ? "" : " (" + cause.getMessage() + ")");
    }

    public String coordinates() {
        return partition.topic() + "-" + partition.partition() + "@" + offset;
    }
}
