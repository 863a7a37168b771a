package dev.swarmboard.lane.model;

import dev.swarmboard.capability.Parsed;
import dev.swarmboard.capability.YamlDocument;
import dev.swarmboard.capability.YamlMapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/** Reads and validates a script file like a registry: unknown keys and bad values are errors with their path. */
final class ScriptReader {

    private static final Set<String> ROOT_KEYS = Set.of("responses");
    private static final Set<String> RESPONSE_KEYS = Set.of("lane", "stage", "role", "attempt", "proposal", "output",
            "tokens_in", "tokens_out", "latency_ms");

    private ScriptReader() {
    }

    static Parsed<List<ScriptedResponse>> read(String yaml) {
        YamlDocument document = YamlDocument.parse(yaml);
        List<ScriptedResponse> responses = new ArrayList<>();
        document.root().ifPresent(root -> {
            root.rejectUnknownKeys(ROOT_KEYS);
            List<YamlMapping> entries = root.required("responses", root.mappings("responses")).orElse(List.of());
            if (root.has("responses") && entries.isEmpty()) {
                root.reject("responses", "must not be empty");
            }
            entries.forEach(entry -> read(entry).ifPresent(responses::add));
        });
        return document.result(() -> List.copyOf(responses));
    }

    private static Optional<ScriptedResponse> read(YamlMapping entry) {
        entry.rejectUnknownKeys(RESPONSE_KEYS);
        String lane = nonBlank(entry, "lane");
        String stage = nonBlank(entry, "stage");
        Optional<String> role = entry.text("role");
        OptionalInt attempt = optionalInt(entry.positiveInt("attempt"));
        OptionalInt proposal = optionalInt(entry.nonNegativeInt("proposal"));
        Optional<String> output = entry.required("output", entry.text("output"));
        OptionalLong tokensIn = optionalLong(entry.nonNegativeInt("tokens_in"));
        OptionalLong tokensOut = optionalLong(entry.nonNegativeInt("tokens_out"));
        Duration latency = Duration.ofMillis(entry.nonNegativeInt("latency_ms", 0));
        return output.map(text -> new ScriptedResponse(lane, stage, role, attempt, proposal, text, tokensIn, tokensOut,
                latency));
    }

    private static String nonBlank(YamlMapping entry, String key) {
        String value = entry.text(key, ScriptedResponse.ANY);
        if (value.isBlank()) {
            entry.reject(key, "must be a name or *");
        }
        return value;
    }

    private static OptionalInt optionalInt(Optional<Integer> value) {
        return value.map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    private static OptionalLong optionalLong(Optional<Integer> value) {
        return value.map(OptionalLong::of).orElse(OptionalLong.empty());
    }
}
