package dev.swarmboard.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a file a person hands to Swarmboard (a mission, a capability registry, a workflow): only a
 * regular file of at most {@link #MAX_BYTES}, checked before a byte is read, so a device, a FIFO or
 * a directory is refused at once instead of hanging or filling the heap; the text must be UTF-8.
 */
public final class InputFile {

    /** The largest input file, in bytes (docs/missions.md, Files). */
    public static final int MAX_BYTES = 1024 * 1024;

    private InputFile() {
    }

    /** The file's text, or an {@link InputFileException} naming the file and the rule it breaks. */
    public static String readText(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new InputFileException(file, "cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
        if (!attributes.isRegularFile()) {
            throw new InputFileException(file, "is " + kind(attributes) + ", not a regular file");
        }
        if (attributes.size() > MAX_BYTES) {
            throw new InputFileException(file, "is " + attributes.size() + " bytes, over the limit of "
                    + MAX_BYTES + " bytes");
        }
        return decode(file, readAtMost(file));
    }

    private static byte[] readAtMost(Path file) {
        // The size was checked, but a file can grow between the check and the read.
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InputFileException(file, "grew over the limit of " + MAX_BYTES + " bytes while read");
            }
            return bytes;
        } catch (IOException e) {
            throw new InputFileException(file, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String decode(Path file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputFileException(file, "is not UTF-8 text");
        }
    }

    private static String kind(BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        return attributes.isOther() ? "a device, FIFO or socket" : "not a regular file";
    }
}
