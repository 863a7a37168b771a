package dev.swarmboard.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import dev.swarmboard.schema.RunLane;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Runs in its own fork with a 64 MiB heap (see the pom): an unbounded decoder fails here with an
 * OutOfMemoryError instead of the typed refusal.
 */
class AvroCodecLengthBombTest {

    private final Codecs codecs = Codecs.create();

    @Test
    void shouldRunWithASmallHeap() {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(128L * 1024 * 1024);
    }

    @Test
    void shouldRefuseTheLengthBombOfEverySchemaAsOversized() {
        // Given the 23-byte length bomb of each record type
        List<AvroCodec<? extends SpecificRecord>> all = List.of(codecs.events().codec(),
                codecs.commands().codec(), codecs.laneTasks().codec());
        for (AvroCodec<? extends SpecificRecord> codec : all) {
            byte[] bomb = LengthBomb.of(codec.schema());
            assertThat(bomb).hasSize(23);

            // When it is decoded, Then it is a typed refusal naming the declared length
            assertThatThrownBy(() -> codec.decode(bomb))
                    .isInstanceOfSatisfying(EventDecodeException.class, e -> {
                        assertThat(e.reason()).isEqualTo(EventDecodeException.Cause.OVERSIZED);
                        assertThat(e.getMessage()).contains("string declares " + LengthBomb.CLAIMED_LENGTH);
                    });
        }
    }

    @Test
    void shouldOnlyRefuseWithATypedReasonWhenAnyBodyByteBecomesAHugeVarint() {
        // Given a valid lane task
        AvroCodec<RunLane> codec = codecs.laneTasks().codec();
        byte[] valid = codec.encode(SampleRecords.sample(RunLane.getClassSchema()));

        // When each body byte in turn is replaced by a varint continuation byte
        for (int i = 10; i < valid.length; i++) {
            byte[] mutated = valid.clone();
            mutated[i] = (byte) 0xFF;

            // Then decoding returns a record or a typed refusal, never an Error
            Throwable thrown = catchThrowable(() -> codec.decode(mutated));
            assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(),
                    t -> assertThat(t).isInstanceOf(EventDecodeException.class));
        }
    }
}
