package dev.swarmboard.codec;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EventHeader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
 * Payloads are written by their generated encoders where Avro generated one and the header by
 * field writers chosen once from its schema (the same binary encoding, without the reflective walk);
 * buffers, encoders and the digest are reused per thread, so the class is safe to share.
 */
public final class EnvelopeBytes {

    private static final Schema ENVELOPE = BlackboardEvent.getClassSchema();
    private static final Schema PAYLOAD_UNION = ENVELOPE.getField("payload").schema();
    private static final byte[] PREFIX = singleObjectPrefix(ENVELOPE);
    private static final HexFormat HEX = HexFormat.of();
    private static final SpecificDatumWriter<EventHeader> HEADER_WRITER =
            new SpecificDatumWriter<>(EventHeader.getClassSchema(), SpecificData.getForSchema(ENVELOPE));
    private static final Optional<FlatRecordWriter> FLAT_HEADER_WRITER = FlatRecordWriter.of(EventHeader.getClassSchema());
    private static final Map<Schema, SpecificDatumWriter<SpecificRecord>> PAYLOAD_WRITERS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private EnvelopeBytes() {
    }

    /** An envelope's header, filled with its payload's content hash, and the envelope's stored bytes. */
    public record Envelope(EventHeader header, byte[] bytes) {
    }

    /**
     * Encodes the payload once, hashes its bytes, asks {@code headerWithHash} for the header carrying that
     * hex SHA-256, and returns the header with the stored envelope: prefix, header, union index, payload.
     */
    public static Envelope encode(SpecificRecord payload, Function<String, EventHeader> headerWithHash) {
        return withScratch(scratch -> {
            scratch.writePayload(payload);
            EventHeader header = headerWithHash.apply(HEX.formatHex(scratch.payloadSha256()));
            return new Envelope(header, scratch.envelope(header, payload, scratch.payload.bytes, scratch.payload.size));
        });
    }

    /** The payload's canonical bytes: its plain Avro binary encoding under its own schema. */
    public static byte[] payload(SpecificRecord payload) {
        return withScratch(scratch -> {
            scratch.writePayload(payload);
            return scratch.payload.toByteArray();
        });
    }

    /** The stored bytes of an envelope with this header (its content hash taken as given) around the payload. */
    public static byte[] envelope(EventHeader header, SpecificRecord payload) {
        return withScratch(scratch -> {
            scratch.writePayload(payload);
            return scratch.envelope(header, payload, scratch.payload.bytes, scratch.payload.size);
        });
    }

    /**
     * Runs {@code work} on this thread's scratch. A failed encoding leaves bytes buffered in the encoders
     * that the next one would flush, so its scratch is dropped.
     */
    private static <R> R withScratch(Function<Scratch, R> work) {
        Scratch scratch = Scratch.claim();
        boolean clean = false;
        try {
            R result = work.apply(scratch);
            clean = true;
            return result;
        } finally {
            scratch.release(clean);
        }
    }

    /** Whether headers are written field by field from their schema rather than through Avro's reflective writer. */
    static boolean headerWrittenFlat() {
        return FLAT_HEADER_WRITER.isPresent();
    }

    private static void writeHeader(EventHeader header, BinaryEncoder out) throws IOException {
        if (FLAT_HEADER_WRITER.isPresent()) {
            FLAT_HEADER_WRITER.get().write(header, out);
        } else {
            HEADER_WRITER.write(header, out);
        }
    }

    private static SpecificDatumWriter<SpecificRecord> writer(Schema schema) {
        return PAYLOAD_WRITERS.computeIfAbsent(schema, key -> new SpecificDatumWriter<>(key, generatedCoders(key)));
    }

    /**
     * The schema's data model with Avro's generated encoders switched on: a copy, so readers sharing the
     * generated class's model keep decoding as they did. The conversions are the model's own, for the
     * logical types of records that have no generated encoder.
     */
    private static SpecificData generatedCoders(Schema schema) {
        SpecificData shared = SpecificData.getForSchema(schema);
        SpecificData coders = new SpecificData(shared.getClassLoader());
        shared.getConversions().forEach(coders::addLogicalTypeConversion);
        coders.setCustomCoders(true);
        return coders;
    }

    private static byte[] singleObjectPrefix(Schema schema) {
        ByteBuffer prefix = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        prefix.put((byte) 0xC3).put((byte) 0x01).putLong(SchemaNormalization.parsingFingerprint64(schema));
        return prefix.array();
    }

    /**
     * One thread's buffers, their encoders and its SHA-256. A nested call on the same thread (a header
     * built by encoding another record) gets a fresh one it does not keep; buffers grown past 64 KB are
     * not kept.
     */
    private static final class Scratch {
        private final GrowingBytes payload = new GrowingBytes();
        private final GrowingBytes envelope = new GrowingBytes();
        private final BinaryEncoder payloadEncoder = EncoderFactory.get().binaryEncoder(payload, null);
        private final BinaryEncoder envelopeEncoder = EncoderFactory.get().binaryEncoder(envelope, null);
        private final MessageDigest sha256 = ContentHash.sha256();
        private boolean claimed;

        static Scratch claim() {
            Scratch scratch = SCRATCH.get();
            if (scratch.claimed) {
                return new Scratch();
            }
            scratch.claimed = true;
            return scratch;
        }

        void release(boolean clean) {
            if (claimed) {
                claimed = false;
                if (!clean || payload.oversized() || envelope.oversized()) {
                    SCRATCH.remove();
                }
            }
        }

        void writePayload(SpecificRecord record) {
            payload.reset();
            try {
                writer(record.getSchema()).write(record, payloadEncoder);
                payloadEncoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot encode " + record.getSchema().getFullName(), e);
            }
        }

        byte[] payloadSha256() {
            sha256.update(payload.bytes, 0, payload.size);
            return sha256.digest();
        }

        /** Prefix, header and union index into the envelope buffer, then one array of those and the payload. */
        byte[] envelope(EventHeader header, SpecificRecord record, byte[] payloadBytes, int payloadLength) {
            int branch = PAYLOAD_UNION.getIndexNamed(record.getSchema().getFullName());
            envelope.reset();
            try {
                envelope.write(PREFIX, 0, PREFIX.length);
                writeHeader(header, envelopeEncoder);
                envelopeEncoder.writeIndex(branch);
                envelopeEncoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot encode the envelope of " + header.getEventId(), e);
            }
            byte[] stored = new byte[envelope.size + payloadLength];
            System.arraycopy(envelope.bytes, 0, stored, 0, envelope.size);
            System.arraycopy(payloadBytes, 0, stored, envelope.size, payloadLength);
            return stored;
        }
    }

    /** An unsynchronised byte buffer the encoders flush into, read in place. */
    private static final class GrowingBytes extends OutputStream {
        private static final int KEPT = 64 * 1024;
        private byte[] bytes = new byte[2048];
        private int size;

        void reset() {
            size = 0;
        }

        boolean oversized() {
            return bytes.length > KEPT;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, bytes, size, length);
            size += length;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
