package dev.swarmboard.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.junit.jupiter.api.Test;

class UnreadableRecordTest {

    private static final TopicPartition ONE = new TopicPartition("swarm.blackboard", 1);
    private static final TopicPartition TEN = new TopicPartition("swarm.blackboard", 10);

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());

    @Test
    void shouldLocateACorruptBatchAtTheConsumersPositionOnTheNamedPartition() {
        // Given a consumer of partitions 1 and 10, at offset 7 on partition 1
        consumer.assign(List.of(ONE, TEN));
        consumer.updateBeginningOffsets(Map.of(ONE, 0L, TEN, 0L));
        consumer.seek(ONE, 7);
        consumer.seek(TEN, 3);

        // When a poll fails the way the client reports a batch that fails its CRC on partition 1
        KafkaException error = new KafkaException("Received exception when fetching the next record from "
                + ONE + ". If needed, please seek past the record to continue consumption.",
                new KafkaException("Record batch for partition " + ONE + " at offset 7 is invalid, cause: crc"));
        UnreadableRecord unreadable = UnreadableRecord.of(error, consumer).orElseThrow();

        // Then it is partition 1 (not 10) at 7, and skipping moves the consumer to 8
        assertThat(unreadable.coordinates()).isEqualTo("swarm.blackboard-1@7");
        assertThat(unreadable.reason()).contains("is invalid, cause: crc");
        unreadable.skip(consumer);
        assertThat(consumer.position(ONE)).isEqualTo(8);
        assertThat(unreadable.source().value()).isNull();
    }

    @Test
    void shouldNotTakeOtherClientErrorsForARecord() {
        consumer.assign(List.of(ONE));
        assertThat(UnreadableRecord.of(new WakeupException(), consumer)).isEmpty();
        assertThat(UnreadableRecord.of(new KafkaException("broker unreachable"), consumer)).isEmpty();
    }

    @Test
    void shouldRefuseADeadLetterOriginWithoutAnInstance() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DeadLetters.Origin("verifier", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("instance");
    }
}
