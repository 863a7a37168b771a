package dev.swarmboard.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * The content hash of a stored envelope, from its bytes: the payload's Avro binary is the tail of the
 * envelope after the header record and the union index, so hashing that tail is the content hash
 * without decoding and re-encoding the payload. The header is skipped under the envelope's writer
 * schema (found by its fingerprint), so events of older and newer writers hash as they were written.
 */
public final class StoredPayload {

    private static final int PREFIX = 10;
    private static final String HEX_DIGITS = "0123456789abcdef";

    private StoredPayload() {
    }

    /**
     * Hex SHA-256 of the payload bytes of a single-object encoded envelope that decodes; an envelope
     * that does not decode throws {@link EventDecodeException}, as decoding it would.
     */
    public static String contentHash(byte[] stored, SchemaRegistry registry) {
        int offset = payloadOffset(stored, registry);
        MessageDigest sha256 = ContentHash.sha256();
        sha256.update(stored, offset, stored.length - offset);
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * Whether the payload bytes of a stored envelope hash to {@code expectedHex}, compared digit by
     * digit with the lowercase hex {@link #contentHash} gives, without formatting the digest; an
     * envelope that does not decode throws {@link EventDecodeException}, as decoding it would.
     */
    public static boolean matches(byte[] stored, SchemaRegistry registry, String expectedHex) {
        int offset = payloadOffset(stored, registry);
        MessageDigest sha256 = ContentHash.sha256();
        sha256.update(stored, offset, stored.length - offset);
        byte[] digest = sha256.digest();
        if (expectedHex == null || expectedHex.length() != digest.length * 2) {
            return false;
        }
        for (int i = 0; i < digest.length; i++) {
            if (expectedHex.charAt(2 * i) != HEX_DIGITS.charAt((digest[i] >> 4) & 0xF)
                    || expectedHex.charAt(2 * i + 1) != HEX_DIGITS.charAt(digest[i] & 0xF)) {
                return false;
            }
        }
        return true;
    }

    /** Where the payload's bytes start in the stored envelope. */
    static int payloadOffset(byte[] stored, SchemaRegistry registry) {
        if (stored == null || stored.length < PREFIX) {
            throw new EventDecodeException(EventDecodeException.Cause.TRUNCATED, "no single-object header", null);
        }
        long fingerprint = ByteBuffer.wrap(stored, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Schema writer = registry.findByFingerprint(fingerprint);
        if (writer == null || writer.getField("header") == null) {
            throw new EventDecodeException(EventDecodeException.Cause.UNKNOWN_FINGERPRINT,
                    "fingerprint " + AvroCodec.fingerprintHex(stored) + " is no known envelope schema", null);
        }
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(stored, PREFIX, stored.length - PREFIX, null);
        try {
            GenericDatumReader.skip(writer.getField("header").schema(), decoder);
            decoder.readIndex();
            // Over an array the decoder's input stream has exactly the bytes not read yet: the payload.
            return stored.length - decoder.inputStream().available();
        } catch (IOException | RuntimeException e) {
            throw new EventDecodeException(EventDecodeException.Cause.MALFORMED_BODY,
                    "envelope header does not decode: " + e.getMessage(), e);
        }
    }
}
