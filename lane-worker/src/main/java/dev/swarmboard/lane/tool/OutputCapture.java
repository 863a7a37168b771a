package dev.swarmboard.lane.tool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Drains a process's output on its own thread, so a chatty process never blocks on a full pipe. It
 * keeps the first {@code capBytes} bytes and hashes every byte as it streams past, so the hash covers
 * the full output however large it is.
 */
final class OutputCapture {

    private static final int CHUNK = 8192;

    /** What was captured: the capped text, whether bytes were dropped, and the hash of all bytes read. */
    record Captured(String text, boolean truncated, String sha256) {
    }

    private static final String CLOSED_BY_EXIT = "Stream closed";

    private final InputStream source;
    private final int capBytes;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final MessageDigest digest = sha256();
    private final Thread reader;
    private long totalBytes;
    private IOException failure;

    private OutputCapture(InputStream source, int capBytes, String threadName) {
        this.source = source;
        this.capBytes = capBytes;
        this.reader = new Thread(this::drain, threadName);
        this.reader.setDaemon(true);
    }

    static OutputCapture start(InputStream source, int capBytes, String threadName) {
        OutputCapture capture = new OutputCapture(source, capBytes, threadName);
        capture.reader.start();
        return capture;
    }

    /** Waits up to {@code millis} for the output to end; false when it is still open. */
    boolean awaitEnd(long millis) throws InterruptedException {
        reader.join(Math.max(millis, 1));
        return !reader.isAlive();
    }

    /** What has been read so far (all of it once {@link #awaitEnd} returned true). */
    synchronized Captured captured() {
        byte[] bytes = kept.toByteArray();
        int end = bytes.length < totalBytes ? utf8Boundary(bytes, bytes.length) : bytes.length;
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        if (failure != null) {
            text = text + "\n[output read failed: " + failure.getMessage() + "]";
        }
        return new Captured(text, totalBytes > bytes.length, HexFormat.of().formatHex(cloneDigest().digest()));
    }

    /**
     * The largest length {@code <= length} that does not split a UTF-8 character: steps back over
     * continuation bytes to the last lead byte and drops that character if it is incomplete.
     */
    static int utf8Boundary(byte[] bytes, int length) {
        int lead = length - 1;
        while (lead >= 0 && length - lead <= 4 && (bytes[lead] & 0xC0) == 0x80) {
            lead--;
        }
        if (lead < 0) {
            return length;
        }
        int b = bytes[lead] & 0xFF;
        int width = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return lead + width <= length ? length : lead;
    }

    private void drain() {
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = source) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                append(buffer, read);
            }
        } catch (IOException e) {
            // When the process ends (killed at its timeout, say) the JDK closes its pipe under a read in
            // progress ("Stream closed"): the output has ended, nothing failed.
            if (!CLOSED_BY_EXIT.equals(e.getMessage())) {
                synchronized (this) {
                    failure = e;
                }
            }
        }
    }

    private synchronized void append(byte[] buffer, int length) {
        digest.update(buffer, 0, length);
        totalBytes += length;
        int room = capBytes - kept.size();
        if (room > 0) {
            kept.write(buffer, 0, Math.min(room, length));
        }
    }

    private MessageDigest cloneDigest() {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
