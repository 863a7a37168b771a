package dev.swarmboard.lane.model;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.capability.ModelSpec;
import dev.swarmboard.capability.SecretResolver;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the model provider a lane worker calls: one that picks the provider by each request's
 * {@code spec.provider()}. Every script the registry names is loaded and validated up front, so a
 * broken script stops the worker at start rather than failing a lane later.
 */
public final class ModelProviders {

    private ModelProviders() {
    }

    /** Providers for a registry, with keys from the process environment, standard backoff and real sleep. */
    public static ModelProvider forRegistry(CapabilityRegistry registry) {
        return forRegistry(registry, SecretResolver.fromSystemEnvironment(), Backoff.standard(), Sleeper.REAL);
    }

    /** Providers for a registry whose keys are already resolved (the worker shares them with its tool runner). */
    public static ModelProvider forRegistry(CapabilityRegistry registry, ModelKeys keys) {
        return forRegistry(registry, keys, Backoff.standard(), Sleeper.REAL);
    }

    public static ModelProvider forRegistry(CapabilityRegistry registry, SecretResolver secrets, Backoff backoff,
            Sleeper sleeper) {
        return forRegistry(registry, ModelKeys.forRegistry(registry, secrets), backoff, sleeper);
    }

    public static ModelProvider forRegistry(CapabilityRegistry registry, ModelKeys keys, Backoff backoff,
            Sleeper sleeper) {
        Map<Path, ScriptedProvider> scripted = new HashMap<>();
        for (ModelSpec spec : registry.models().values()) {
            spec.script().ifPresent(script -> scripted.computeIfAbsent(script,
                    path -> ScriptedProvider.load(path, sleeper)));
        }
        OpenAiProvider openAi = new OpenAiProvider(keys, backoff);
        return request -> switch (request.spec().provider()) {
            case OPENAI -> openAi.complete(request);
            case SCRIPTED -> scriptedFor(scripted, request).complete(request);
        };
    }

    private static ScriptedProvider scriptedFor(Map<Path, ScriptedProvider> scripted, ModelRequest request)
            throws ModelCallException {
        Path script = request.spec().script().orElseThrow();
        ScriptedProvider provider = scripted.get(script);
        if (provider == null) {
            throw new ModelCallException(request.modelKey() + ": script " + script + " is not in the registry",
                    List.of());
        }
        return provider;
    }
}
