package dev.swarmboard.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EventHeader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The writer's envelope bytes against Avro's own reflective encoding of the same envelope (generated
 * encoders off), for every payload type with its optional fields filled and with them null.
 */
class EnvelopeBytesTest {

    private final AvroCodec<BlackboardEvent> codec = Codecs.create().events().codec();

    @Test
    void shouldStoreTheBytesAvroItselfEncodesForEveryPayloadType() throws IOException {
        for (BlackboardEvent sample : samples()) {
            // Given an envelope of each payload type, its header's content hash left to the writer
            SpecificRecord payload = (SpecificRecord) sample.getPayload();

            // When the writer encodes its payload once and builds the envelope around it
            EnvelopeBytes.Envelope envelope = EnvelopeBytes.encode(payload,
                    hash -> EventHeader.newBuilder(sample.getHeader()).setContentHash(hash).build());

            // Then the hash is SHA-256 of Avro's encoding of the payload, and the bytes are Avro's of the envelope
            assertThat(envelope.header().getContentHash()).as(payload.getSchema().getName())
                    .isEqualTo(sha256Hex(reflectiveBytes(payload)));
            BlackboardEvent event = new BlackboardEvent(envelope.header(), payload);
            assertThat(envelope.bytes()).as(payload.getSchema().getName()).isEqualTo(codec.encode(event));
            assertThat(EnvelopeBytes.envelope(envelope.header(), payload)).isEqualTo(envelope.bytes());
            assertThat(EnvelopeBytes.payload(payload)).isEqualTo(reflectiveBytes(payload));
        }
    }

    @Test
    void shouldWriteTheHeaderFieldByFieldNotThroughTheReflectiveWriter() {
        // A header field of a type FlatRecordWriter does not write would fall back, correct but slower.
        assertThat(EnvelopeBytes.headerWrittenFlat()).isTrue();
    }

    @Test
    void shouldRejectANullInANonNullableHeaderFieldNamingIt() {
        BlackboardEvent sample = SampleRecords.oneEventPerPayloadType("m-3").get(0);
        EventHeader header = EventHeader.newBuilder(sample.getHeader()).build();
        header.setMissionId(null);

        assertThatThrownBy(() -> EnvelopeBytes.envelope(header, (SpecificRecord) sample.getPayload()))
                .hasMessageContaining("EventHeader.missionId");

        // And the bytes written before the failure do not leak into the next envelope on this thread
        BlackboardEvent next = SampleRecords.oneEventPerPayloadType("m-4").get(1);
        assertThat(EnvelopeBytes.envelope(next.getHeader(), (SpecificRecord) next.getPayload()))
                .isEqualTo(codec.encode(next));
    }

    @Test
    void shouldEncodeCorrectlyWhenTheHeaderIsBuiltByEncodingAnotherRecord() {
        // Given a header whose making encodes another record on the same thread
        List<BlackboardEvent> events = SampleRecords.oneEventPerPayloadType("m-2");
        BlackboardEvent outer = events.get(0);
        SpecificRecord inner = (SpecificRecord) events.get(events.size() - 1).getPayload();

        // When the writer encodes the outer envelope
        EnvelopeBytes.Envelope envelope = EnvelopeBytes.encode((SpecificRecord) outer.getPayload(),
                hash -> EventHeader.newBuilder(outer.getHeader()).setContentHash(hash)
                        .setCausationId(ContentHash.of(inner)).build());

        // Then neither encoding disturbed the other
        BlackboardEvent event = new BlackboardEvent(envelope.header(), outer.getPayload());
        assertThat(envelope.bytes()).isEqualTo(codec.encode(event));
        assertThat(envelope.header().getCausationId()).isEqualTo(sha256Hex(EnvelopeBytes.payload(inner)));
    }

    /** Every payload type filled, then the same with every optional field of the header and payload null. */
    private static List<BlackboardEvent> samples() {
        List<BlackboardEvent> filled = SampleRecords.oneEventPerPayloadType("m-1");
        List<BlackboardEvent> nulled = filled.stream().map(event -> new BlackboardEvent(
                withOptionalsNull(event.getHeader()), withOptionalsNull((SpecificRecord) event.getPayload()))).toList();
        return Stream.concat(filled.stream(), nulled.stream()).toList();
    }

    private static <T extends SpecificRecord> T withOptionalsNull(T record) {
        T copy = SpecificData.get().deepCopy(record.getSchema(), record);
        for (Schema.Field field : record.getSchema().getFields()) {
            if (field.schema().isNullable()) {
                copy.put(field.pos(), null);
            }
        }
        return copy;
    }

    /** The payload through Avro's reflective writer on the generated class's model, as AvroCodec encodes. */
    private static byte[] reflectiveBytes(SpecificRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema(), SpecificData.getForSchema(record.getSchema()))
                .write(record, encoder);
        return out.toByteArray();
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
