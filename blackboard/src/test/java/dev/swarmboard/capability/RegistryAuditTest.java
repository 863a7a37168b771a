package dev.swarmboard.capability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryAuditTest {

    private static final String MODELS = """
            models:
              remote:
                provider: openai
                base_url: http://models.example.com/v1
                api_key_env: REMOTE_KEY
              local:
                provider: openai
                base_url: http://127.0.0.1:11434/v1
                api_key_env: LOCAL_KEY
            roles:
              default: local
            """;

    @TempDir
    Path dir;

    private List<String> warnings(String yaml) {
        List<String> warnings = new ArrayList<>();
        CapabilityRegistry.parse(yaml, dir, false, warning -> warnings.add(warning.toString())).orThrow("test");
        return warnings;
    }

    private List<String> strictErrors(String yaml) {
        return CapabilityRegistry.parse(yaml, dir, true, warning -> { }).errors().stream()
                .map(ConfigError::toString).toList();
    }

    @Test
    void shouldRefuseAToolThatIsGivenAModelKeyVariable() {
        // When
        Parsed<CapabilityRegistry> parsed = CapabilityRegistry.parse(MODELS + """
                tools:
                  leaky:
                    command: ["env"]
                    env: [PATH, LOCAL_KEY]
                """, dir);

        // Then
        assertThat(parsed.errors()).extracting(ConfigError::toString).containsExactly(
                "tools.leaky.env[1]: LOCAL_KEY holds a model's API key; a tool may never receive it (line 15)");
    }

    @Test
    void shouldWarnAboutEveryRiskyEntryAndRefuseThemWhenStrict() {
        // Given
        String yaml = MODELS + """
                tools:
                  script:
                    command: ["sh", "-c", "grep {word} notes.txt"]
                    args: { word: ".*" }
                  paths:
                    command: ["cat", "{file}"]
                    args: { file: "[a-z./]+" }
                  options:
                    command: ["ls", "{flag}"]
                    args: { flag: "[a-z-]+" }
                  outside:
                    command: ["/opt/tools/run"]
                """;

        // When
        List<String> warnings = warnings(yaml);
        List<String> strict = strictErrors(yaml);

        // Then
        assertThat(warnings).hasSize(9).anySatisfy(w -> assertThat(w)
                .startsWith("models.remote.base_url: sends the API key over cleartext http:// to models.example.com"));
        assertThat(String.join("\n", warnings))
                .contains("tools.script.args.word: placeholder inside a shell script (sh -c)")
                .contains("tools.paths.args.file: pattern [a-z./]+ admits '/'")
                .contains("tools.paths.args.file: pattern [a-z./]+ admits '..'")
                .contains("tools.options.args.flag: pattern [a-z-]+ admits a leading '-'")
                .contains("tools.outside.command[0]: executable /opt/tools/run is outside the registry's folder")
                .doesNotContain("models.local");
        assertThat(strict).hasSize(warnings.size())
                .allSatisfy(error -> assertThat(error).contains("(refused: SWARM_REGISTRY_STRICT=true)"));
    }

    @Test
    void shouldAcceptAnchoredPatternsSystemExecutablesAndOwnScriptsWithoutAWord() throws Exception {
        // Given
        Path script = Files.createFile(dir.resolve("run-tests.sh"));
        String yaml = """
                models:
                  m:
                    provider: openai
                    base_url: https://openrouter.ai/api/v1
                    api_key_env: OPENROUTER_API_KEY
                roles:
                  default: m
                tools:
                  tests:
                    command: ["%s", "-Dtest={test}"]
                    args: { test: "[A-Za-z0-9_#]+" }
                  count:
                    command: ["/usr/bin/wc", "-l", "{file}"]
                    args: { file: "(?!.*\\\\.\\\\.)[A-Za-z0-9_][A-Za-z0-9_.-]*" }
                  shell:
                    command: ["sh", "-c", "echo {word}"]
                    args: { word: "[a-z]+" }
                """.formatted(script);

        // Then
        assertThat(warnings(yaml)).isEmpty();
        assertThat(strictErrors(yaml)).isEmpty();
    }

    @Test
    void shouldKeepTheShippedRegistriesFreeOfWarnings() throws Exception {
        for (String name : List.of("offline.yaml", "openrouter.yaml", "local-openai.yaml")) {
            Path file = Path.of("..", "examples", "capabilities", name).toAbsolutePath().normalize();
            List<String> warnings = new ArrayList<>();
            CapabilityRegistry.parse(Files.readString(file), file.getParent(), false,
                    warning -> warnings.add(warning.toString())).orThrow(name);
            assertThat(warnings).as(name).isEmpty();
        }
    }
}
