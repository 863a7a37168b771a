package dev.swarmboard.codec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.avro.specific.SpecificRecord;

/**
 * SHA-256 of a record's canonical bytes: its plain Avro binary encoding under its own schema. The
 * schemas avoid maps, so the encoding is deterministic and any reader can recompute the hash.
 */
public final class ContentHash {

    private ContentHash() {
    }

    /** Hex SHA-256 of the record's canonical Avro binary encoding. */
    public static String of(SpecificRecord record) {
        return sha256Hex(canonicalBytes(record));
    }

    public static byte[] canonicalBytes(SpecificRecord record) {
        return EnvelopeBytes.payload(record);
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
