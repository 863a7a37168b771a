package dev.swarmboard.signing;

import dev.swarmboard.capability.Parsed;
import dev.swarmboard.capability.YamlDocument;
import dev.swarmboard.capability.YamlMapping;
import dev.swarmboard.input.InputFile;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys whose signatures a service accepts and what each may sign, read fail-closed from YAML:
 * <pre>
 * keys:
 *   verifier-1:
 *     public_key: MCowBQYDK2VwAyEA…      # X.509 SPKI, base64 or PEM
 *     may_write: [verifier]              # services (their event types) or event type names
 * </pre>
 * Every error is reported with its path and line; an unknown key, service or event type, an empty
 * list or one public key under two ids refuses the whole file.
 */
public record TrustFile(Map<String, TrustedKey> keys) {

    private static final List<String> TOP_LEVEL = List.of("keys");
    private static final List<String> ENTRY = List.of("public_key", "may_write");
    /** What a key id may look like (the same rule as {@code SWARM_SIGNING_KEY_ID}). */
    public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public TrustFile {
        keys = Map.copyOf(keys);
    }

    public Optional<TrustedKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    /** Reads the file, or throws a {@link TrustFileException} listing every error. */
    public static TrustFile load(Path file) {
        Parsed<TrustFile> parsed = parse(InputFile.readText(file));
        return parsed.value().orElseThrow(() -> new TrustFileException(file.toString(), parsed.errors()));
    }

    public static Parsed<TrustFile> parse(String yaml) {
        YamlDocument document = YamlDocument.parse(yaml);
        Map<String, TrustedKey> keys = new LinkedHashMap<>();
        document.root().ifPresent(root -> {
            root.rejectUnknownKeys(TOP_LEVEL);
            Optional<YamlMapping> entries = root.required("keys", root.mapping("keys"));
            entries.ifPresent(mapping -> {
                if (mapping.keys().isEmpty()) {
                    root.reject("keys", "lists no key: a trust file that trusts nothing would refuse every fact");
                }
                readKeys(mapping, keys);
            });
        });
        return document.result(() -> new TrustFile(keys));
    }

    private static void readKeys(YamlMapping entries, Map<String, TrustedKey> keys) {
        Map<String, String> idsByPublicKey = new HashMap<>();
        for (String keyId : entries.keys()) {
            if (!KEY_ID.matcher(keyId).matches()) {
                entries.reject(keyId, "is not a key id (1-100 of A-Z a-z 0-9 . _ : -)");
                continue;
            }
            Optional<YamlMapping> entry = entries.mapping(keyId);
            if (entry.isEmpty()) {
                continue;
            }
            readKey(keyId, entry.get()).ifPresent(key -> {
                String encoded = Ed25519Keys.publicBase64(key.publicKey());
                String other = idsByPublicKey.putIfAbsent(encoded, keyId);
                if (other != null) {
                    entries.reject(keyId, "has the same public key as " + other + ": one key, one id");
                } else {
                    keys.put(keyId, key);
                }
            });
        }
    }

    private static Optional<TrustedKey> readKey(String keyId, YamlMapping entry) {
        entry.rejectUnknownKeys(ENTRY);
        Optional<PublicKey> publicKey = entry.required("public_key", entry.text("public_key")).flatMap(text -> {
            try {
                return Optional.of(Ed25519Keys.publicKey(text));
            } catch (IllegalArgumentException e) {
                entry.reject("public_key", e.getMessage());
                return Optional.empty();
            }
        });
        Optional<Set<String>> types = entry.required("may_write", entry.texts("may_write"))
                .map(names -> eventTypes(entry, names));
        if (publicKey.isEmpty() || types.isEmpty() || types.get().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TrustedKey(keyId, publicKey.get(), types.get()));
    }

    private static Set<String> eventTypes(YamlMapping entry, List<String> names) {
        if (names.isEmpty()) {
            entry.reject("may_write", "is empty: list the services or event types this key may sign");
        }
        Set<String> types = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Optional<SignerRole> role = SignerRole.ofService(name);
            if (role.isPresent()) {
                types.addAll(role.get().types());
            } else if (SignerRole.isKnownType(name)) {
                types.add(name);
            } else {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            entry.reject("may_write", "unknown service or event type " + String.join(", ", unknown)
                    + " (services: " + String.join(", ", SignerRole.services()) + ")");
            return Set.of();
        }
        return types;
    }
}
