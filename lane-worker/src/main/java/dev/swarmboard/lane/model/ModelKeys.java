package dev.swarmboard.lane.model;

import dev.swarmboard.capability.ApiKey;
import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.capability.OpenAiEndpoint;
import dev.swarmboard.capability.Redactor;
import dev.swarmboard.capability.SecretResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The API keys of a lane worker's models: every {@code api_key_file} read once, at start (a file that
 * cannot be read stops the worker), and {@code api_key_env} variables read at each call. Its
 * {@link Redactor} knows every key present at start, so any text a provider or a tool returns can be
 * scrubbed of all of them, not only of the key of the call that produced it.
 */
public final class ModelKeys {

    private final SecretResolver secrets;
    private final Map<Path, ApiKey> fileKeys;
    private final Redactor redactor;

    private ModelKeys(SecretResolver secrets, Map<Path, ApiKey> fileKeys, Redactor redactor) {
        this.secrets = secrets;
        this.fileKeys = Map.copyOf(fileKeys);
        this.redactor = redactor;
    }

    /** Reads every key file the registry names and notes every key variable set now. */
    public static ModelKeys forRegistry(CapabilityRegistry registry, SecretResolver secrets) {
        Map<Path, ApiKey> files = new HashMap<>();
        List<ApiKey> known = new ArrayList<>();
        registry.models().values().forEach(spec -> spec.endpoint().ifPresent(endpoint -> {
            endpoint.apiKeyFile().ifPresent(file -> known.add(files.computeIfAbsent(file, secrets::readKeyFile)));
            endpoint.apiKeyEnv().flatMap(secrets::lookup).ifPresent(known::add);
        }));
        return new ModelKeys(secrets, files, Redactor.of(known));
    }

    /** Keys only from environment variables, read at call time (no key files). */
    public static ModelKeys fromEnvironment(SecretResolver secrets) {
        return new ModelKeys(Objects.requireNonNull(secrets, "secrets"), Map.of(), Redactor.NONE);
    }

    /** Every key known at start, in every form the redactor knows. */
    public Redactor redactor() {
        return redactor;
    }

    /**
     * The key an endpoint sends: empty when it names none; a failure naming the variable when the
     * variable is unset or blank.
     */
    Optional<ApiKey> keyFor(String modelKey, OpenAiEndpoint endpoint) throws ModelCallException {
        if (endpoint.apiKeyFile().isPresent()) {
            ApiKey key = fileKeys.get(endpoint.apiKeyFile().get());
            if (key == null) {
                throw new ModelCallException(modelKey + ": API key file " + endpoint.apiKeyFile().get()
                        + " was not read at start", List.of());
            }
            return Optional.of(key);
        }
        if (endpoint.apiKeyEnv().isEmpty()) {
            return Optional.empty();
        }
        String variable = endpoint.apiKeyEnv().get();
        Optional<ApiKey> key = secrets.lookup(variable);
        if (key.isEmpty()) {
            throw new ModelCallException(modelKey + ": env var " + variable + " is not set", List.of());
        }
        return key;
    }

    @Override
    public String toString() {
        return "ModelKeys[" + fileKeys.size() + " files]";
    }
}
