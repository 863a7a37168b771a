package dev.swarmboard.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.avro.Schema;

/**
 * A hostile record for chaos runs and tests: the single-object marker, a real schema fingerprint, and a
 * first string length claiming 2,147,483,639 bytes, padded to 23 bytes. An unbounded decoder allocates
 * that string and dies with an OutOfMemoryError on any heap under about 2 GiB; this codec refuses it.
 */
public final class LengthBomb {

    /** The largest array Java allows, as declared string length. */
    public static final long CLAIMED_LENGTH = 2_147_483_639L;
    private static final int SIZE = 23;

    private LengthBomb() {
    }

    /** 23 bytes that claim to be a record of the given schema. */
    public static byte[] of(Schema schema) {
        ByteBuffer bytes = ByteBuffer.allocate(SIZE);
        bytes.put((byte) 0xC3).put((byte) 0x01);
        bytes.order(ByteOrder.LITTLE_ENDIAN).putLong(SchemaRegistry.fingerprint(schema));
        long zigzag = CLAIMED_LENGTH << 1;
        while ((zigzag & ~0x7FL) != 0) {
            bytes.put((byte) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        bytes.put((byte) zigzag);
        while (bytes.hasRemaining()) {
            bytes.put((byte) 'A');
        }
        return bytes.array();
    }
}
