package dev.swarmboard.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.swarmboard.schema.BlackboardEvent;
import java.util.Arrays;
import java.util.Random;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class AvroCodecTest {

    private final Codecs codecs = Codecs.create();
    private final AvroCodec<BlackboardEvent> codec = codecs.events().codec();

    @Test
    void shouldRoundTripEveryPayloadType() {
        // Given one event of every payload type
        for (BlackboardEvent event : SampleRecords.oneEventPerPayloadType("m-1")) {
            // When it is encoded and decoded
            byte[] bytes = codec.encode(event);

            // Then it comes back equal, in single-object encoding with the current fingerprint
            assertThat(codec.decode(bytes)).isEqualTo(event);
            assertThat(bytes[0]).isEqualTo((byte) 0xC3);
            assertThat(bytes[1]).isEqualTo((byte) 0x01);
            assertThat(AvroCodec.fingerprintHex(bytes))
                    .isEqualTo(SchemaRegistry.fingerprintHex(BlackboardEvent.getClassSchema()));
        }
    }

    @Test
    void shouldRejectEmptyBytes() {
        assertThatThrownBy(() -> codec.decode(new byte[0]))
                .isInstanceOfSatisfying(EventDecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(EventDecodeException.Cause.EMPTY));
    }

    @Test
    void shouldRejectBytesWithoutTheMarker() {
        assertThatThrownBy(() -> codec.decode("{\"json\":true}".getBytes()))
                .isInstanceOfSatisfying(EventDecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EventDecodeException.Cause.BAD_MARKER);
                    assertThat(e.getMessage()).contains("7B22");
                });
    }

    @Test
    void shouldRejectAnUnknownFingerprintNamingIt() {
        // Given a valid event whose fingerprint bytes are altered
        byte[] bytes = codec.encode(SampleRecords.oneEventPerPayloadType("m-1").get(0));
        bytes[2] ^= 0x5A;

        // Then the decoder names the unknown fingerprint
        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOfSatisfying(EventDecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EventDecodeException.Cause.UNKNOWN_FINGERPRINT);
                    assertThat(e.getMessage()).contains(AvroCodec.fingerprintHex(bytes));
                });
    }

    @Test
    void shouldRejectATruncatedBody() {
        byte[] bytes = codec.encode(SampleRecords.oneEventPerPayloadType("m-1").get(3));
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

        assertThatThrownBy(() -> codec.decode(truncated))
                .isInstanceOfSatisfying(EventDecodeException.class, e -> assertThat(e.reason())
                        .isIn(EventDecodeException.Cause.TRUNCATED, EventDecodeException.Cause.MALFORMED_BODY,
                                EventDecodeException.Cause.OVERSIZED));
    }

    @Test
    void shouldOnlyEverThrowTypedDecodeErrorsOnRandomBodies() {
        // Given a valid header followed by random garbage, many times over with a fixed seed
        byte[] header = Arrays.copyOf(codec.encode(SampleRecords.oneEventPerPayloadType("m-1").get(0)), 10);
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            byte[] body = new byte[random.nextInt(200)];
            random.nextBytes(body);
            byte[] bytes = new byte[header.length + body.length];
            System.arraycopy(header, 0, bytes, 0, header.length);
            System.arraycopy(body, 0, bytes, header.length, body.length);

            // When decoded, Then either a record comes back or a typed decode exception, nothing else
            Throwable thrown = catchThrowable(() -> codec.decode(bytes));
            assertThat(thrown).satisfiesAnyOf(
                    t -> assertThat(t).isNull(),
                    t -> assertThat(t).isInstanceOf(EventDecodeException.class));
        }
    }

    @Test
    void shouldHashEqualPayloadsEquallyAndChangedPayloadsDifferently() {
        // Given a payload and an independent copy of it
        SpecificRecord payload = SampleRecords.oneEventPerPayloadType("m-1").stream()
                .map(event -> (SpecificRecord) event.getPayload())
                .filter(record -> record.getSchema().getName().equals("MissionCancelled"))
                .findFirst().orElseThrow();
        SpecificRecord copy = SpecificData.getForSchema(payload.getSchema()).deepCopy(payload.getSchema(), payload);

        // When one field of the copy changes
        String before = ContentHash.of(copy);
        copy.put(copy.getSchema().getField("reason").pos(), "changed");

        // Then equal payloads hash equally and the change shows
        assertThat(ContentHash.of(payload)).hasSize(64).isEqualTo(before);
        assertThat(ContentHash.of(copy)).isNotEqualTo(before);
    }
}
