package dev.swarmboard.capability;

import dev.swarmboard.config.ConfigParameter;
import dev.swarmboard.input.InputFile;
import dev.swarmboard.input.InputFileException;
import dev.swarmboard.schema.ModelRoute;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The static capability registry: the models a mission may call, which model serves each role, and the
 * allowlisted tools. Loaded once at start and fail-closed: a file with any error is refused whole, with
 * every error listed. A role not listed is unknown (fail closed), unless the registry opts in with
 * {@code default_for_unknown_roles: true}: then the {@code default} role's model serves it.
 */
public record CapabilityRegistry(Map<String, ModelSpec> models, Map<String, String> roles, Map<String, ToolSpec> tools,
                                 boolean defaultForUnknownRoles) {

    private static final Logger LOG = LoggerFactory.getLogger(CapabilityRegistry.class);

    /** Refuse, rather than warn about, what {@link RegistryAudit} finds. */
    public static final ConfigParameter<Boolean> STRICT = new ConfigParameter<>("SWARM_REGISTRY_STRICT",
            CapabilityRegistry::parseFlag, false,
            "Refuse (not just warn about) unsafe tool and model entries in the capability registry");

    /** The role whose model serves every role not listed, when the registry opts in. */
    public static final String DEFAULT_ROLE = "default";

    /** The registry's top-level key that lets {@link #DEFAULT_ROLE} serve roles it does not list. */
    public static final String DEFAULT_FOR_UNKNOWN_ROLES = "default_for_unknown_roles";

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

    /** A registry that serves only the roles it lists. */
    public CapabilityRegistry(Map<String, ModelSpec> models, Map<String, String> roles, Map<String, ToolSpec> tools) {
        this(models, roles, tools, false);
    }

    /**
     * Reads and validates a registry file, strict when {@code SWARM_REGISTRY_STRICT=true}; relative
     * paths resolve against the file's folder. Warnings are logged, one line each.
     */
    public static CapabilityRegistry load(Path file) {
        return load(file, STRICT.resolve(System.getenv()));
    }

    /** Reads and validates a registry file; under {@code strict} every warning is an error. */
    public static CapabilityRegistry load(Path file, boolean strict) {
        Path absolute = file.toAbsolutePath();
        return parse(readFile(absolute), absolute.getParent(), strict,
                warning -> LOG.warn("capability file {}: {}", absolute, warning)).orThrow(absolute.toString());
    }

    /** Validates registry YAML, collecting every error; {@code baseDir} anchors relative paths. Warnings are dropped. */
    public static Parsed<CapabilityRegistry> parse(String yaml, Path baseDir) {
        return parse(yaml, baseDir, false, warning -> { });
    }

    /** Validates registry YAML; the audit's findings go to {@code warnings}, or are errors when {@code strict}. */
    public static Parsed<CapabilityRegistry> parse(String yaml, Path baseDir, boolean strict,
            Consumer<ConfigError> warnings) {
        return RegistryReader.read(yaml, baseDir, strict, warnings);
    }

    public Optional<ModelSpec> model(String modelKey) {
        return Optional.ofNullable(models.get(modelKey));
    }

    /**
     * The model key serving a role: the role's own entry, else (only when the registry opts in with
     * {@code default_for_unknown_roles: true}) the default role's, else empty.
     */
    public Optional<String> modelKeyForRole(String role) {
        return Optional.ofNullable(roles.containsKey(role) ? roles.get(role)
                : defaultForUnknownRoles ? roles.get(DEFAULT_ROLE) : null);
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

    // Only true or false: a typo must never weaken the check silently.
    private static Boolean parseFlag(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    /** Reads a capability file: a regular UTF-8 file under the input size cap, else an {@link InputFileException}. */
    public static String readFile(Path file) {
        return InputFile.readText(file);
    }
}
