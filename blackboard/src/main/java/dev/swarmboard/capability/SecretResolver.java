package dev.swarmboard.capability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up API keys: by environment variable name at call time, or from a key file (read once, at start).
 * The registry stores only the variable's name or the file's path; the environment is a supplied function
 * so tests need not touch the real one. Neither a key nor a file's content is ever put in a message.
 */
public final class SecretResolver {

    private static final Logger LOG = LoggerFactory.getLogger(SecretResolver.class);
    /** A key file larger than this is not a key. */
    public static final int MAX_KEY_FILE_BYTES = 4096;
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final Function<String, String> environment;

    public SecretResolver(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public static SecretResolver fromSystemEnvironment() {
        return new SecretResolver(System::getenv);
    }

    /** The key held by the named variable, or empty when it is unset or blank. */
    public Optional<ApiKey> lookup(String envVar) {
        return Optional.ofNullable(environment.apply(envVar))
                .filter(value -> !value.isBlank())
                .map(value -> new ApiKey(value.strip()));
    }

    /**
     * The key in a file: its content, stripped of surrounding white space. Refused (with the path and
     * the reason, never the content) when it is not a regular file, is larger than
     * {@link #MAX_KEY_FILE_BYTES} or blank; a file that group or others may read or write is used
     * with a warning.
     */
    public ApiKey readKeyFile(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new KeyFileException(file + ": not a regular file");
            }
            if (Files.size(file) > MAX_KEY_FILE_BYTES) {
                throw new KeyFileException(file + ": larger than " + MAX_KEY_FILE_BYTES + " bytes, not a key");
            }
            warnIfShared(file);
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new KeyFileException(file + ": empty");
            }
            return new ApiKey(value);
        } catch (IOException e) {
            throw new KeyFileException(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void warnIfShared(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            LOG.warn("API key file {} may be read or written by group or others (permissions {}); "
                    + "chmod 600 it", file, java.nio.file.attribute.PosixFilePermissions.toString(permissions));
        }
    }

    /** A key file that cannot serve as a key; the message names the file and the reason, never its content. */
    public static final class KeyFileException extends RuntimeException {

        KeyFileException(String message) {
            super("API key file " + message);
        }
    }

    @Override
    public String toString() {
        return "SecretResolver[environment]";
    }
}
