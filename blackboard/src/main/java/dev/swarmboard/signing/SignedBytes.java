package dev.swarmboard.signing;

import dev.swarmboard.schema.EventHeader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a fact's signature covers: a domain tag, then every header field but the signature in
 * schema order, each string as a 4-byte big-endian length and its UTF-8 bytes (length -1 for null),
 * the attempt as a 4-byte and occurredAt as an 8-byte big-endian integer. The header's contentHash
 * binds the payload. Defined in docs/wire-format.md#signed-facts so any consumer can check it.
 */
public final class SignedBytes {

    /** The domain tag: a signature over these bytes can never be taken for one over something else. */
    public static final String DOMAIN = "swarmboard.fact.v1";

    private SignedBytes() {
    }

    /** The canonical bytes of the header as signed by {@code keyId}. */
    public static byte[] of(EventHeader header, String keyId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, DOMAIN);
            text(out, header.getEventId());
            text(out, header.getMissionId());
            text(out, header.getLaneId());
            out.writeInt(header.getAttempt());
            text(out, header.getType());
            out.writeLong(header.getOccurredAt().toEpochMilli());
            text(out, header.getProducer());
            text(out, header.getContentHash());
            text(out, header.getCausationId());
            text(out, header.getTraceparent());
            text(out, keyId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void text(DataOutputStream out, CharSequence value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.toString().getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
