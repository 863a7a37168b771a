package dev.swarmboard.capability;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Looks up API keys by environment variable name at call time. The registry stores only the name; the
 * environment is a supplied function so tests need not touch the real one.
 */
public final class SecretResolver {

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

    @Override
    public String toString() {
        return "SecretResolver[environment]";
    }
}
