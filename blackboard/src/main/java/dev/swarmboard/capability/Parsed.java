package dev.swarmboard.capability;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading a capability file: the value when the file is valid, otherwise every error
 * found in it. Never both.
 */
public record Parsed<T>(Optional<T> value, List<ConfigError> errors) {

    public Parsed {
        errors = List.copyOf(errors);
        if (value.isPresent() == !errors.isEmpty()) {
            throw new IllegalArgumentException("a parse result holds either a value or errors");
        }
    }

    static <T> Parsed<T> valid(T value) {
        return new Parsed<>(Optional.of(value), List.of());
    }

    static <T> Parsed<T> invalid(List<ConfigError> errors) {
        return new Parsed<>(Optional.empty(), errors);
    }

    public boolean isValid() {
        return value.isPresent();
    }

    /** Returns the value, or throws a {@link RegistryException} naming the source and listing every error. */
    public T orThrow(String source) {
        return value.orElseThrow(() -> new RegistryException(source, errors));
    }
}
