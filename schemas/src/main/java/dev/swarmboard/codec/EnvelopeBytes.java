package dev.swarmboard.codec;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EventHeader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Blackboard envelopes as bytes, built from a payload encoded once. An envelope's body is its header
 * record, the payload's union index and the payload's own Avro binary: the very bytes its content
 * hash is defined over ({@link ContentHash}). So a writer encodes the payload, hashes those bytes and
 * appends them after the header, and the result equals {@link AvroCodec#encode} of the envelope.
 * Encoders and buffers are reused per thread; the class is safe to share.
 */
public final class EnvelopeBytes {

    private static final Schema ENVELOPE = BlackboardEvent.getClassSchema();
    private static final Schema PAYLOAD_UNION = ENVELOPE.getField("payload").schema();
    private static final byte[] PREFIX = singleObjectPrefix(ENVELOPE);
    private static final SpecificDatumWriter<EventHeader> HEADER_WRITER =
            new SpecificDatumWriter<>(EventHeader.getClassSchema(), SpecificData.getForSchema(ENVELOPE));
    private static final Map<Schema, SpecificDatumWriter<SpecificRecord>> PAYLOAD_WRITERS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private EnvelopeBytes() {
    }

    /** The payload's canonical bytes: its plain Avro binary encoding under its own schema. */
    public static byte[] payload(SpecificRecord payload) {
        Scratch scratch = SCRATCH.get();
        scratch.out.reset();
        try {
            writer(payload.getSchema()).write(payload, scratch.encoder());
            scratch.encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + payload.getSchema().getFullName(), e);
        }
        return scratch.bytes();
    }

    /** The stored bytes of an envelope with this header around a payload already encoded as {@code payloadBytes}. */
    public static byte[] envelope(EventHeader header, SpecificRecord payload, byte[] payloadBytes) {
        int branch = PAYLOAD_UNION.getIndexNamed(payload.getSchema().getFullName());
        Scratch scratch = SCRATCH.get();
        scratch.out.reset();
        try {
            scratch.out.write(PREFIX);
            BinaryEncoder encoder = scratch.encoder();
            HEADER_WRITER.write(header, encoder);
            encoder.writeIndex(branch);
            encoder.flush();
            scratch.out.write(payloadBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the envelope of " + header.getEventId(), e);
        }
        return scratch.bytes();
    }

    private static SpecificDatumWriter<SpecificRecord> writer(Schema schema) {
        return PAYLOAD_WRITERS.computeIfAbsent(schema,
                key -> new SpecificDatumWriter<>(key, SpecificData.getForSchema(key)));
    }

    private static byte[] singleObjectPrefix(Schema schema) {
        ByteBuffer prefix = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        prefix.put((byte) 0xC3).put((byte) 0x01).putLong(SchemaNormalization.parsingFingerprint64(schema));
        return prefix.array();
    }

    /** One thread's output buffer and the binary encoder writing into it; a buffer grown past 64 KB is dropped. */
    private static final class Scratch {
        private static final int KEPT = 64 * 1024;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        private BinaryEncoder encoder;

        byte[] bytes() {
            byte[] bytes = out.toByteArray();
            if (bytes.length > KEPT) {
                SCRATCH.remove();
            }
            return bytes;
        }

        BinaryEncoder encoder() {
            encoder = EncoderFactory.get().binaryEncoder(out, encoder);
            return encoder;
        }
    }
}
