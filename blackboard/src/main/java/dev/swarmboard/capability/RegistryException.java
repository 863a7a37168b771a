package dev.swarmboard.capability;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a capability file (a registry or a script it names) cannot be used; its message lists
 * every error with its path and line, so one run shows all that must be fixed.
 */
public final class RegistryException extends RuntimeException {

    private final String source;
    private final transient List<ConfigError> errors;

    public RegistryException(String source, List<ConfigError> errors) {
        super(describe(source, errors));
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    public String source() {
        return source;
    }

    public List<ConfigError> errors() {
        return errors;
    }

    private static String describe(String source, List<ConfigError> errors) {
        return errors.stream()
                .map(error -> "  - " + error)
                .collect(Collectors.joining("\n", "invalid capability file " + source + ":\n", ""));
    }
}
