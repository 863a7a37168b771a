package dev.swarmboard.blackboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.codec.ContentHash;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeadHashTest {

    @Test
    void shouldFoldSha256OverPreviousHeadAndRecordBytes() {
        // Given two records
        byte[] first = "first".getBytes(StandardCharsets.UTF_8);
        byte[] second = "second".getBytes(StandardCharsets.UTF_8);

        // When folded from genesis
        HeadHash head = HeadHash.GENESIS.next(first).next(second);

        // Then the head is SHA-256(SHA-256(zeros || first) || second), computed independently here
        byte[] expectedFirst = digest(new byte[32], first);
        assertThat(head.value()).isEqualTo(digest(expectedFirst, second));
        assertThat(head.count()).isEqualTo(2);
        assertThat(head.hex()).hasSize(64);
    }

    @Test
    void shouldChangeTheHeadWhenAnyEarlierByteChanges() {
        byte[] record = "payload".getBytes(StandardCharsets.UTF_8);
        byte[] tampered = record.clone();
        tampered[3] ^= 1;

        HeadHash original = HeadHash.GENESIS.next(record).next(new byte[] {1});
        HeadHash altered = HeadHash.GENESIS.next(tampered).next(new byte[] {1});

        assertThat(altered).isNotEqualTo(original);
        assertThat(HeadHash.fromHex(original.hex(), 2)).isEqualTo(original);
    }

    private static byte[] digest(byte[] previous, byte[] record) {
        var sha = ContentHash.sha256();
        sha.update(previous);
        sha.update(record);
        return sha.digest();
    }
}
