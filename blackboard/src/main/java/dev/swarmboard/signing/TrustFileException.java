package dev.swarmboard.signing;

import dev.swarmboard.capability.ConfigError;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a trust file cannot be used; its message lists every error with its path and line. */
public final class TrustFileException extends RuntimeException {

    private final transient List<ConfigError> errors;

    public TrustFileException(String source, List<ConfigError> errors) {
        super(errors.stream().map(error -> "  - " + error)
                .collect(Collectors.joining("\n", "invalid trust file " + source + ":\n", "")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
