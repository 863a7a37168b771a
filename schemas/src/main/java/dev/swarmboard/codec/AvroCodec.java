package dev.swarmboard.codec;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding (marker C3 01, 8-byte little-endian schema fingerprint, binary body)
 * for one record type. Decoding resolves the writer schema by fingerprint in a
 * {@link SchemaRegistry}, so events written with an older or newer compatible schema decode into
 * the current class. Every failure is an {@link EventDecodeException} naming its cause.
 */
public final class AvroCodec<T extends SpecificRecord> {

    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;
    private static final int HEADER_LENGTH = 10;

    private final Schema schema;
    private final SchemaRegistry registry;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    public AvroCodec(Schema schema, SchemaRegistry registry) {
        this.schema = schema;
        this.registry = registry;
        registry.add(schema);
        this.encoder = new BinaryMessageEncoder<>(SpecificData.getForSchema(schema), schema);
        this.decoder = new BinaryMessageDecoder<>(SpecificData.getForSchema(schema), schema, registry);
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
        try {
            return decoder.decode(bytes);
        } catch (MissingSchemaException e) {
            throw new EventDecodeException(EventDecodeException.Cause.UNKNOWN_FINGERPRINT,
                    "fingerprint " + fingerprintHex(bytes) + " is in neither the schema history nor the schemas topic", e);
        } catch (BadHeaderException e) {
            throw new EventDecodeException(EventDecodeException.Cause.BAD_MARKER, e.getMessage(), e);
        } catch (EOFException e) {
            throw new EventDecodeException(EventDecodeException.Cause.TRUNCATED,
                    "body of " + bytes.length + " bytes ended early", e);
        } catch (IOException | RuntimeException e) {
            // Avro signals a corrupt body through many runtime types (limits, bad union index, UTF-8).
            throw new EventDecodeException(EventDecodeException.Cause.MALFORMED_BODY,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
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
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        return String.format("%016x", fingerprint);
    }

    private static String hexPrefix(byte[] bytes, int length) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(length, bytes.length); i++) {
            hex.append(String.format("%02X", bytes[i]));
        }
        return hex.toString();
    }
}
