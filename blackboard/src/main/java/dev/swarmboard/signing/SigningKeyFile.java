package dev.swarmboard.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;

/**
 * Writes a private signing key as a PKCS#8 PEM file readable by its owner only (0600), created
 * anew: an existing file is never overwritten, so a key in use cannot be lost by a second run.
 */
public final class SigningKeyFile {

    private SigningKeyFile() {
    }

    public static void write(Path file, PrivateKey key) {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Ed25519Keys.privatePem(key), StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(file + " exists: a signing key is never overwritten", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write signing key " + file + ": " + e.getMessage(), e);
        }
    }
}
