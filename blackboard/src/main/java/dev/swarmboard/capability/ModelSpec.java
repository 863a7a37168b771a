package dev.swarmboard.capability;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One registered model: its provider, provider model id, token cap and prices, plus the endpoint of an
 * {@code openai} model or the script of a {@code scripted} one (exactly one of the two).
 */
public record ModelSpec(
        ProviderKind provider,
        String model,
        int maxTokens,
        Pricing pricing,
        Optional<OpenAiEndpoint> endpoint,
        Optional<Path> script) {

    public static final String DEFAULT_MODEL = "openai/gpt-oss-120b";
    public static final String DEFAULT_SCRIPTED_MODEL = "scripted";
    public static final int DEFAULT_MAX_TOKENS = 2000;

    public ModelSpec {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(pricing, "pricing");
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be > 0");
        }
        if (endpoint.isPresent() != (provider == ProviderKind.OPENAI)
                || script.isPresent() != (provider == ProviderKind.SCRIPTED)) {
            throw new IllegalArgumentException("an openai model needs an endpoint, a scripted model a script");
        }
    }

    public static ModelSpec openAi(String model, int maxTokens, Pricing pricing, OpenAiEndpoint endpoint) {
        return new ModelSpec(ProviderKind.OPENAI, model, maxTokens, pricing, Optional.of(endpoint), Optional.empty());
    }

    public static ModelSpec scripted(String model, int maxTokens, Pricing pricing, Path script) {
        return new ModelSpec(ProviderKind.SCRIPTED, model, maxTokens, pricing, Optional.empty(), Optional.of(script));
    }
}
