package dev.swarmboard.blackboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.event.MissionCancelled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ParallelDecoderTest {

    private static final Codecs CODECS = Codecs.create();
    private final ParallelDecoder decoder = new ParallelDecoder(CODECS.events().codec());

    @Test
    void shouldDecodeEverySliceInLogOrderAndNameWhatDoesNotDecodeOrHash() {
        // Given more records than one slice, one of them not Avro and one with its payload changed
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            byte[] value = encoded("reason-" + i);
            if (i == 300) {
                value = new byte[] {1, 2, 3};
            }
            if (i == 700) {
                value[value.length - 5] ^= 1;
            }
            records.add(new ConsumerRecord<>("t", 0, i, "m-1", value));
        }

        // When decoded in parallel slices
        List<ParallelDecoder.Decoded> decoded = decoder.decode(records);

        // Then every record comes back in its place, decoded and hash-checked, or with its reason
        assertThat(decoded).extracting(d -> d.record().offset()).containsExactlyElementsOf(
                records.stream().map(ConsumerRecord::offset).toList());
        assertThat(decoded.get(299).decoded()).isTrue();
        assertThat(((MissionCancelled) decoded.get(299).event().getPayload()).getReason()).isEqualTo("reason-299");
        assertThat(decoded.get(300).decoded()).isFalse();
        assertThat(decoded.get(300).error()).contains("marker");
        assertThat(decoded.get(700).decoded()).isTrue();
        assertThat(decoded.get(700).hashIntact()).isFalse();
        assertThat(decoded).filteredOn(ParallelDecoder.Decoded::hashIntact).hasSize(998);
    }

    @Test
    void shouldKeepEachPartitionsOrderWhenDecodingAPollAsynchronously() {
        // Given a poll of two partitions
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = Map.of(
                new TopicPartition("t", 0), List.of(record(0, 5, "a"), record(0, 6, "b")),
                new TopicPartition("t", 1), List.of(record(1, 9, "c")));

        // When decoded while the caller could poll on
        Map<TopicPartition, List<ParallelDecoder.Decoded>> decoded =
                decoder.decodeAsync(new ConsumerRecords<>(byPartition, Map.of())).join();

        // Then each partition's events are in log order
        assertThat(decoded.get(new TopicPartition("t", 0))).extracting(d -> d.record().offset()).containsExactly(5L, 6L);
        assertThat(decoded.get(new TopicPartition("t", 1))).extracting(d -> d.record().offset()).containsExactly(9L);
        assertThat(decoded.values()).allSatisfy(partition -> assertThat(partition)
                .allMatch(d -> d.decoded() && d.hashIntact()));
    }

    private static ConsumerRecord<String, byte[]> record(int partition, long offset, String reason) {
        return new ConsumerRecord<>("t", partition, offset, "m-1", encoded(reason));
    }

    private static byte[] encoded(String reason) {
        return Events.encode(new EventOrigin("m-1", null, 0, "test", null, null),
                new MissionCancelled(reason, "alice", List.of()), Instant.EPOCH).value();
    }
}
