package dev.swarmboard.capability;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how an {@code openai} model is called. The API key is named by {@code apiKeyEnv}, the
 * environment variable read at call time; the key itself is never part of the registry.
 */
public record OpenAiEndpoint(
        URI baseUrl,
        Optional<String> apiKeyEnv,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        ResponseFormat responseFormat) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://openrouter.ai/api/v1");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_MAX_RETRIES = 4;

    public OpenAiEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
        Objects.requireNonNull(responseFormat, "responseFormat");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be > 0");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
    }

    /** The chat-completions address: {@code {base_url}/chat/completions}. */
    public URI chatCompletionsUri() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    }
}
