package dev.swarmboard.blackboard;

import dev.swarmboard.codec.ContentHash;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The running SHA-256 head of a mission: {@code head(n) = SHA-256(head(n-1) || value bytes of
 * event n)}, starting from 32 zero bytes, folded over the mission's records in log order. It is
 * computed over the bytes exactly as stored, so any change to any stored event changes every
 * later head. Immutable: {@link #next} returns a new head.
 */
public record HeadHash(byte[] value, long count) {

    public static final HeadHash GENESIS = new HeadHash(new byte[32], 0);

    public HeadHash next(byte[] recordValue) {
        MessageDigest digest = ContentHash.sha256();
        digest.update(value);
        digest.update(recordValue);
        return new HeadHash(digest.digest(), count + 1);
    }

    public String hex() {
        return HexFormat.of().formatHex(value);
    }

    public static HeadHash fromHex(String hex, long count) {
        return new HeadHash(HexFormat.of().parseHex(hex), count);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeadHash head && count == head.count && java.util.Arrays.equals(value, head.value);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(value) * 31 + Long.hashCode(count);
    }

    @Override
    public String toString() {
        return hex() + "@" + count;
    }
}
