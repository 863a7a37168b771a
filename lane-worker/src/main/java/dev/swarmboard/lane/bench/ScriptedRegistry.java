package dev.swarmboard.lane.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A registry for benchmarks and tests: every role is one scripted model answering a clean PREY lane,
 * each call taking {@code latency_ms} (a simulated model), plus the tool {@code unit-tests}
 * ({@code true}, a test runner).
 */
public final class ScriptedRegistry {

    private ScriptedRegistry() {
    }

    /** Writes {@code capabilities.yaml} and its {@code script.yaml} into {@code dir}; returns the registry file. */
    public static Path write(Path dir, int latencyMs) {
        String script = """
                responses:
                  - stage: perceive
                    latency_ms: %1$d
                    output: |
                      perception_snapshot:
                        summary: "Two modules in scope."
                  - stage: react
                    latency_ms: %1$d
                    output: |
                      react_plan:
                        steps: ["Fix module a"]
                  - stage: engage
                    latency_ms: %1$d
                    output: |
                      engage_report:
                        done: ["Fixed module a"]
                """.formatted(latencyMs);
        String registry = """
                models:
                  scripted:
                    provider: scripted
                    script: script.yaml
                    max_tokens: 500
                    price_per_million_input_usd: 1.0
                    price_per_million_output_usd: 2.0
                default_for_unknown_roles: true
                roles:
                  default: scripted
                tools:
                  unit-tests:
                    command: ["true"]
                    tests: true
                    timeout_seconds: 10
                """;
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("script.yaml"), script);
            return Files.writeString(dir.resolve("capabilities.yaml"), registry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
