package dev.swarmboard.blackboard;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Version 3 (MD5, name-based) UUIDs, equal to {@link UUID#nameUUIDFromBytes}, with one digest per thread
 * instead of a provider lookup per id: writers derive an id for every event they append.
 */
final class NameUuid {

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(NameUuid::md5);

    private NameUuid() {
    }

    static UUID of(byte[] name) {
        byte[] hash = MD5.get().digest(name);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        return new UUID(bigEndianLong(hash, 0), bigEndianLong(hash, 8));
    }

    private static long bigEndianLong(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
