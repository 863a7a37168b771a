package dev.swarmboard.capability;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a whole registry document: its three sections, every entry, the role-to-model links, and
 * whether the default role serves roles the registry does not list.
 */
final class RegistryReader {

    private static final Set<String> SECTIONS = Set.of("models", "roles", "tools",
            CapabilityRegistry.DEFAULT_FOR_UNKNOWN_ROLES);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private RegistryReader() {
    }

    /**
     * Reads and checks a registry. {@link RegistryAudit} findings are errors when {@code strict}, else
     * they go to {@code warnings} (only when the registry is otherwise valid).
     */
    static Parsed<CapabilityRegistry> read(String yaml, Path baseDir, boolean strict, Consumer<ConfigError> warnings) {
        YamlDocument document = YamlDocument.parse(yaml);
        Optional<YamlMapping> root = document.root();
        if (root.isEmpty()) {
            return Parsed.invalid(document.errors());
        }
        root.get().rejectUnknownKeys(SECTIONS);
        Optional<YamlMapping> modelsEntry = section(root.get(), "models");
        ModelSpecReader modelReader = new ModelSpecReader(baseDir);
        Map<String, ModelSpec> models = entries(modelsEntry, (key, entry) -> modelReader.read(entry));
        Set<String> declaredModels = modelsEntry.map(mapping -> Set.copyOf(mapping.keys())).orElse(Set.of());
        Map<String, String> roles = roles(section(root.get(), "roles"), declaredModels);
        Map<String, ToolSpec> tools = root.get().has("tools")
                ? entries(section(root.get(), "tools"), ToolSpecReader::read)
                : Map.of();
        if (document.errors().isEmpty()) {
            audit(document, RegistryAudit.of(models, tools, baseDir), strict, warnings);
        }
        boolean defaultForUnknown = root.get().bool(CapabilityRegistry.DEFAULT_FOR_UNKNOWN_ROLES, false);
        if (defaultForUnknown && !roles.containsKey(CapabilityRegistry.DEFAULT_ROLE)) {
            root.get().reject(CapabilityRegistry.DEFAULT_FOR_UNKNOWN_ROLES, "needs roles." + CapabilityRegistry.DEFAULT_ROLE
                    + " to name the model that serves unknown roles");
        }
        return document.result(() -> new CapabilityRegistry(models, roles, tools, defaultForUnknown));
    }

    private static void audit(YamlDocument document, RegistryAudit audit, boolean strict,
            Consumer<ConfigError> warnings) {
        audit.errors().forEach(finding -> document.reject(finding.path(), finding.message()));
        for (RegistryAudit.Finding finding : audit.warnings()) {
            if (strict) {
                document.reject(finding.path(), finding.message() + " (refused: " + CapabilityRegistry.STRICT.env()
                        + "=true)");
            } else {
                warnings.accept(new ConfigError(finding.path(), document.lineOf(finding.path()), finding.message()));
            }
        }
    }

    /** A required, non-empty section whose every key is a name. */
    private static Optional<YamlMapping> section(YamlMapping root, String name) {
        Optional<YamlMapping> section = root.required(name, root.mapping(name));
        section.ifPresent(mapping -> {
            if (mapping.keys().isEmpty()) {
                root.reject(name, "must not be empty");
            }
            mapping.keys().forEach(key -> checkName(mapping, key));
        });
        return section;
    }

    private static <T> Map<String, T> entries(Optional<YamlMapping> section,
            BiFunction<String, YamlMapping, Optional<T>> reader) {
        Map<String, T> values = new LinkedHashMap<>();
        section.ifPresent(mapping -> {
            for (String key : mapping.keys()) {
                mapping.mapping(key).flatMap(entry -> reader.apply(key, entry))
                        .ifPresent(value -> values.put(key, value));
            }
        });
        return values;
    }

    private static Map<String, String> roles(Optional<YamlMapping> section, Set<String> declaredModels) {
        Map<String, String> roles = new LinkedHashMap<>();
        section.ifPresent(mapping -> {
            for (String role : mapping.keys()) {
                mapping.text(role).ifPresent(modelKey -> {
                    if (declaredModels.contains(modelKey)) {
                        roles.put(role, modelKey);
                    } else {
                        mapping.reject(role, "unknown model '" + modelKey + "'");
                    }
                });
            }
        });
        return roles;
    }

    private static void checkName(YamlMapping mapping, String key) {
        if (!NAME.matcher(key).matches()) {
            mapping.reject(key, "names may use only letters, digits, '.', '_' and '-'");
        }
    }
}
