package dev.swarmboard.orchestrator.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.swarmboard.capability.CapabilityRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The capability registry and workflows an orchestrator runs with, as it publishes them: each
 * document in canonical JSON (parsed and written again with sorted keys, so comments and layout
 * are gone and equal content hashes equal), with its SHA-256. API keys are only ever references
 * (an {@code api_key_env} name or an {@code api_key_file} path; the registry reader refuses
 * credentials in a {@code base_url}), so no secret is in it.
 *
 * @param registry      canonical JSON of the capability registry
 * @param registryHash  hex SHA-256 of {@code registry}
 * @param registryDir   the folder the orchestrator resolved the registry's relative paths against
 * @param workflows     workflow name to its canonical JSON (empty: only the built-in workflows)
 * @param workflowsHash hex SHA-256 over the workflows' names and canonical JSON, in name order
 * @param publishedBy   the orchestrator instance
 * @param publishedAt   ISO-8601 instant
 */
public record PublishedRegistry(String registry, String registryHash, String registryDir,
                                Map<String, String> workflows, String workflowsHash, String publishedBy,
                                String publishedAt) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final YAMLMapper YAML = new YAMLMapper();

    public PublishedRegistry {
        workflows = Map.copyOf(new TreeMap<>(workflows));
    }

    /** What an orchestrator with these files publishes; {@code workflowsDir} null means built-ins only. */
    public static PublishedRegistry of(Path registryFile, Path workflowsDir, String publishedBy, String publishedAt) {
        String registry = canonical(CapabilityRegistry.readFile(registryFile.toAbsolutePath()), registryFile.toString());
        Map<String, String> workflows = workflows(workflowsDir);
        return new PublishedRegistry(registry, sha256(registry),
                registryFile.toAbsolutePath().getParent().toString(), workflows, workflowsHash(workflows), publishedBy,
                publishedAt);
    }

    /** The canonical JSON of a registry file, for comparing a local file with a published one. */
    public static String registryHashOf(Path registryFile) {
        return sha256(canonical(CapabilityRegistry.readFile(registryFile.toAbsolutePath()), registryFile.toString()));
    }

    /** The workflows hash of a local directory (null: built-ins only). */
    public static String workflowsHashOf(Path workflowsDir) {
        return workflowsHash(workflows(workflowsDir));
    }

    private static Map<String, String> workflows(Path directory) {
        Map<String, String> workflows = new TreeMap<>();
        if (directory == null) {
            return workflows;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList()) {
                workflows.put(file.getFileName().toString().replaceFirst("\\.ya?ml$", ""),
                        canonical(Files.readString(file), file.toString()));
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read workflow directory " + directory + ": " + e.getMessage(), e);
        }
        return workflows;
    }

    static String canonical(String yaml, String source) {
        try {
            JsonNode tree = YAML.readTree(yaml);
            Object plain = JSON.treeToValue(tree == null ? JSON.createObjectNode() : tree, Object.class);
            return JSON.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static String workflowsHash(Map<String, String> workflows) {
        StringBuilder all = new StringBuilder();
        new TreeMap<>(workflows).forEach((name, body) -> all.append(name).append('\n').append(body).append('\n'));
        return sha256(all.toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record's value on the registry topic. */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the published registry", e);
        }
    }

    /** Reads a registry topic value; an IllegalArgumentException naming the problem when it is not one. */
    public static PublishedRegistry fromJson(byte[] value) {
        try {
            PublishedRegistry read = JSON.readValue(value, PublishedRegistry.class);
            if (read.registry() == null || !sha256(read.registry()).equals(read.registryHash())) {
                throw new IllegalArgumentException("the published registry does not match its hash");
            }
            return read;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the published registry is not readable: " + e.getMessage(), e);
        }
    }
}
