package dev.swarmboard.capability;

import java.util.Objects;

/**
 * One problem in a capability file: where it is (the YAML path and line) and what is wrong with it.
 * Line 0 means the position is unknown.
 */
public record ConfigError(String path, int line, String message) {

    public ConfigError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** Renders the error as {@code models.gpt.max_tokens: must be > 0 (line 5)}. */
    @Override
    public String toString() {
        String where = path.isEmpty() ? "(document)" : path;
        return line > 0 ? where + ": " + message + " (line " + line + ")" : where + ": " + message;
    }
}
