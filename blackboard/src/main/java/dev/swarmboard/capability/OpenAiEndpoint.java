package dev.swarmboard.capability;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how an {@code openai} model is called. The API key is named by {@code apiKeyEnv}, the
 * environment variable read at call time, or by {@code apiKeyFile}, a file read once at start (at most
 * one of the two); the key itself is never part of the registry.
 */
public record OpenAiEndpoint(
        URI baseUrl,
        Optional<String> apiKeyEnv,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        ResponseFormat responseFormat,
        Optional<Path> apiKeyFile) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://openrouter.ai/api/v1");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_MAX_RETRIES = 4;

    public OpenAiEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
        Objects.requireNonNull(responseFormat, "responseFormat");
        Objects.requireNonNull(apiKeyFile, "apiKeyFile");
        if (apiKeyEnv.isPresent() && apiKeyFile.isPresent()) {
            throw new IllegalArgumentException("name the key by api_key_env or api_key_file, not both");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be > 0");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
    }

    /** An endpoint whose key, if any, comes from an environment variable. */
    public OpenAiEndpoint(URI baseUrl, Optional<String> apiKeyEnv, Duration connectTimeout, Duration readTimeout,
            int maxRetries, ResponseFormat responseFormat) {
        this(baseUrl, apiKeyEnv, connectTimeout, readTimeout, maxRetries, responseFormat, Optional.empty());
    }

    /** True when a key is sent (from a variable or a file). */
    public boolean sendsKey() {
        return apiKeyEnv.isPresent() || apiKeyFile.isPresent();
    }

    /** The chat-completions address: {@code {base_url}/chat/completions}. */
    public URI chatCompletionsUri() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    }
}
