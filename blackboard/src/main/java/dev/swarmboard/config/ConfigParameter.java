package dev.swarmboard.config;

import java.util.Map;
import java.util.function.Function;

/**
 * A typed configuration parameter: its environment variable, how to parse it, its default and a
 * one-line description (the README's configuration table lists them all).
 */
public record ConfigParameter<T>(String env, Function<String, T> parser, T defaultValue, String doc) {

    /** The value from the environment, or the default; a value that does not parse names the variable. */
    public T resolve(Map<String, String> environment) {
        String raw = environment.get(env);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return parser.apply(raw.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(env + "=" + raw + " is not valid: " + e.getMessage(), e);
        }
    }

    public static ConfigParameter<String> string(String env, String defaultValue, String doc) {
        return new ConfigParameter<>(env, Function.identity(), defaultValue, doc);
    }

    public static ConfigParameter<Integer> integer(String env, int defaultValue, String doc) {
        return new ConfigParameter<>(env, Integer::valueOf, defaultValue, doc);
    }
}
