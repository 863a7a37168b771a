package dev.swarmboard.capability;

import dev.swarmboard.input.InputFile;
import dev.swarmboard.input.InputFileException;
import dev.swarmboard.schema.ModelRoute;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The static capability registry: the models a mission may call, which model serves each role, and the
 * allowlisted tools. Loaded once at start and fail-closed: a file with any error is refused whole, with
 * every error listed. A role not listed is served by the {@code default} role's model, if there is one.
 */
public record CapabilityRegistry(Map<String, ModelSpec> models, Map<String, String> roles, Map<String, ToolSpec> tools) {

    /** The role whose model serves every role not listed. */
    public static final String DEFAULT_ROLE = "default";

    public CapabilityRegistry {
        models = Collections.unmodifiableMap(new TreeMap<>(models));
        roles = Collections.unmodifiableMap(new TreeMap<>(roles));
        tools = Collections.unmodifiableMap(new TreeMap<>(tools));
        for (Map.Entry<String, String> role : roles.entrySet()) {
            if (!models.containsKey(role.getValue())) {
                throw new IllegalArgumentException("role " + role.getKey() + " names unknown model " + role.getValue());
            }
        }
    }

    /** Reads and validates a registry file; relative script paths resolve against the file's folder. */
    public static CapabilityRegistry load(Path file) {
        Path absolute = file.toAbsolutePath();
        return parse(readFile(absolute), absolute.getParent()).orThrow(absolute.toString());
    }

    /** Validates registry YAML, collecting every error; {@code baseDir} anchors relative script paths. */
    public static Parsed<CapabilityRegistry> parse(String yaml, Path baseDir) {
        return RegistryReader.read(yaml, baseDir);
    }

    public Optional<ModelSpec> model(String modelKey) {
        return Optional.ofNullable(models.get(modelKey));
    }

    /** The model key serving a role: the role's own entry, else the default role's, else empty. */
    public Optional<String> modelKeyForRole(String role) {
        return Optional.ofNullable(roles.getOrDefault(role, roles.get(DEFAULT_ROLE)));
    }

    /** The route a plan records for a role: its model key, provider, model id and token cap. */
    public Optional<ModelRoute> modelForRole(String role) {
        return modelKeyForRole(role).map(key -> toRoute(key, models.get(key)));
    }

    public Optional<ToolSpec> tool(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /** The Avro route for a registered model: keys and ids only, never an endpoint or a secret. */
    public static ModelRoute toRoute(String modelKey, ModelSpec spec) {
        return ModelRoute.newBuilder()
                .setModelKey(modelKey)
                .setProvider(spec.provider().wireName())
                .setModel(spec.model())
                .setMaxTokens(spec.maxTokens())
                .build();
    }

    /** Reads a capability file: a regular UTF-8 file under the input size cap, else an {@link InputFileException}. */
    public static String readFile(Path file) {
        return InputFile.readText(file);
    }
}
