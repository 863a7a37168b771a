package dev.swarmboard.codec;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SystemLimitException;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding (marker C3 01, 8-byte little-endian schema fingerprint, binary body)
 * for one record type. Decoding resolves the writer schema by fingerprint in a
 * {@link SchemaRegistry}, so events written with an older or newer compatible schema decode into
 * the current class. Decoding is bounded: a declared string, bytes or collection length larger than
 * what is left of the record is refused before anything is allocated, and Avro's own limits are
 * set far below the heap as a second fence. Every failure, including an {@link Error} a hostile
 * length could still raise, is an {@link EventDecodeException} naming its cause.
 */
public final class AvroCodec<T extends SpecificRecord> {

    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;
    private static final int HEADER_LENGTH = 10;

    private final Schema schema;
    private final SchemaRegistry registry;
    private final BinaryMessageEncoder<T> encoder;
    private final SpecificData data;
    private final Map<Long, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();

    static {
        AvroLimits.install();
    }

    public AvroCodec(Schema schema, SchemaRegistry registry) {
        this.schema = schema;
        this.registry = registry;
        registry.add(schema);
        this.encoder = new BinaryMessageEncoder<>(SpecificData.getForSchema(schema), schema);
        this.data = SpecificData.getForSchema(schema);
    }

    public Schema schema() {
        return schema;
    }

    public SchemaRegistry registry() {
        return registry;
    }

    public byte[] encode(T record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + schema.getName(), e);
        }
    }

    public T decode(byte[] bytes) {
        checkHeader(bytes);
        long fingerprint = fingerprint(bytes);
        Schema writer = registry.findByFingerprint(fingerprint);
        if (writer == null) {
            throw new EventDecodeException(EventDecodeException.Cause.UNKNOWN_FINGERPRINT,
                    "fingerprint " + fingerprintHex(bytes) + " is in neither the schema history nor the schemas topic",
                    null);
        }
        try {
            int bodyLength = bytes.length - HEADER_LENGTH;
            var body = DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH, bodyLength, null);
            return reader(fingerprint, writer).read(null, new BoundedDecoder(body, bodyLength));
        } catch (EOFException e) {
            throw new EventDecodeException(EventDecodeException.Cause.TRUNCATED,
                    "body of " + bytes.length + " bytes ended early", e);
        } catch (BoundedDecoder.LengthBombException | SystemLimitException e) {
            throw new EventDecodeException(EventDecodeException.Cause.OVERSIZED, e.getMessage(), e);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // Only reachable if a limit above still let a length through; the record, not the JVM, is at fault.
            throw new EventDecodeException(EventDecodeException.Cause.OVERSIZED,
                    e.getClass().getSimpleName() + " while decoding " + bytes.length + " bytes", e);
        } catch (IOException | RuntimeException e) {
            // Avro signals a corrupt body through many runtime types (bad union index, UTF-8, negative length).
            throw new EventDecodeException(EventDecodeException.Cause.MALFORMED_BODY,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private SpecificDatumReader<T> reader(long fingerprint, Schema writer) {
        return readers.computeIfAbsent(fingerprint, key -> new SpecificDatumReader<>(writer, schema, data));
    }

    private static void checkHeader(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new EventDecodeException(EventDecodeException.Cause.EMPTY, "no bytes", null);
        }
        if (bytes.length < 2 || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
            throw new EventDecodeException(EventDecodeException.Cause.BAD_MARKER,
                    "expected marker C3 01, got " + hexPrefix(bytes, 2), null);
        }
        if (bytes.length < HEADER_LENGTH) {
            throw new EventDecodeException(EventDecodeException.Cause.TRUNCATED,
                    "header needs 10 bytes, got " + bytes.length, null);
        }
    }

    /** The writer fingerprint of single-object encoded bytes, as 16 hex digits. */
    public static String fingerprintHex(byte[] bytes) {
        return String.format("%016x", fingerprint(bytes));
    }

    private static long fingerprint(byte[] bytes) {
        return ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private static String hexPrefix(byte[] bytes, int length) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(length, bytes.length); i++) {
            hex.append(String.format("%02X", bytes[i]));
        }
        return hex.toString();
    }
}
