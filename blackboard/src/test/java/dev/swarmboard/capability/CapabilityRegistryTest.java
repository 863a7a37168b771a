package dev.swarmboard.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmboard.input.InputFileException;
import dev.swarmboard.schema.ModelRoute;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapabilityRegistryTest {

    @TempDir
    Path dir;

    private static final String MINIMAL = """
            models:
              gpt-oss:
                provider: openai
            roles:
              default: gpt-oss
            """;

    @Test
    void shouldReadEveryModelField() {
        // Given
        String yaml = """
                models:
                  local:
                    provider: openai
                    base_url: http://127.0.0.1:11434/v1
                    model: llama3.1:8b
                    api_key_env: LOCAL_KEY
                    max_tokens: 512
                    price_per_million_input_usd: 0.5
                    price_per_million_output_usd: 1.5
                    connect_timeout_seconds: 3
                    read_timeout_seconds: 30
                    max_retries: 2
                    response_format: json_object
                roles:
                  default: local
                """;

        // When
        ModelSpec spec = CapabilityRegistry.parse(yaml, dir).orThrow("test").model("local").orElseThrow();

        // Then
        assertThat(spec.provider()).isEqualTo(ProviderKind.OPENAI);
        assertThat(spec.model()).isEqualTo("llama3.1:8b");
        assertThat(spec.maxTokens()).isEqualTo(512);
        assertThat(spec.pricing()).isEqualTo(new Pricing(0.5, 1.5));
        assertThat(spec.endpoint()).contains(new OpenAiEndpoint(URI.create("http://127.0.0.1:11434/v1"),
                Optional.of("LOCAL_KEY"), Duration.ofSeconds(3), Duration.ofSeconds(30), 2, ResponseFormat.JSON_OBJECT));
    }

    @Test
    void shouldApplyDefaultsToAnOpenAiModel() {
        // When
        ModelSpec spec = CapabilityRegistry.parse(MINIMAL, dir).orThrow("test").model("gpt-oss").orElseThrow();

        // Then
        assertThat(spec).isEqualTo(ModelSpec.openAi("openai/gpt-oss-120b", 2000, Pricing.FREE,
                new OpenAiEndpoint(URI.create("https://openrouter.ai/api/v1"), Optional.empty(),
                        Duration.ofSeconds(10), Duration.ofSeconds(120), 4, ResponseFormat.NONE)));
    }

    @Test
    void shouldResolveScriptRelativeToTheRegistryFile() throws IOException {
        // Given
        Files.createDirectories(dir.resolve("scripted"));
        Files.writeString(dir.resolve("scripted/demo.yaml"), "responses: []\n");
        Path registry = Files.createDirectories(dir.resolve("capabilities")).resolve("offline.yaml");
        Files.writeString(registry, """
                models:
                  offline:
                    provider: scripted
                    script: ../scripted/demo.yaml
                roles:
                  default: offline
                """);

        // When
        ModelSpec spec = CapabilityRegistry.load(registry).model("offline").orElseThrow();

        // Then
        assertThat(spec.script()).contains(dir.resolve("scripted/demo.yaml").toAbsolutePath());
        assertThat(spec.model()).isEqualTo("scripted");
        assertThat(spec.endpoint()).isEmpty();
    }

    @Test
    void shouldCollectEveryErrorWithItsPathAndLine() {
        // Given
        String yaml = """
                models:
                  gpt:
                    provider: openai
                    max_tokens: 0
                    max_token: 5
                  other:
                    provider: anthropic
                roles:
                  default: gpt
                  judge: missing
                colours: blue
                """;

        // When
        Parsed<CapabilityRegistry> parsed = CapabilityRegistry.parse(yaml, dir);

        // Then
        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.errors()).map(ConfigError::toString).containsExactlyInAnyOrder(
                "colours: unknown key (allowed: default_for_unknown_roles, models, roles, tools) (line 11)",
                "models.gpt.max_token: unknown key (allowed: api_key_env, api_key_file, base_url, connect_timeout_seconds, "
                        + "max_retries, max_tokens, model, price_per_million_input_usd, "
                        + "price_per_million_output_usd, provider, read_timeout_seconds, response_format, script) "
                        + "(line 5)",
                "models.gpt.max_tokens: must be > 0 (line 4)",
                "models.other.provider: must be openai or scripted (line 7)",
                "roles.judge: unknown model 'missing' (line 10)");
    }

    @Test
    void shouldReportWrongTypesAndMissingRequiredKeys() {
        // Given
        String yaml = """
                models:
                  gpt:
                    max_tokens: lots
                    price_per_million_input_usd: -1
                    response_format: xml
                roles: {}
                """;

        // When
        List<String> errors = CapabilityRegistry.parse(yaml, dir).errors().stream().map(ConfigError::toString).toList();

        // Then
        assertThat(errors).containsExactlyInAnyOrder(
                "models.gpt.provider: required (line 2)",
                "models.gpt.max_tokens: must be an integer (line 3)",
                "models.gpt.price_per_million_input_usd: must be >= 0 (line 4)",
                "roles: must not be empty (line 6)");
    }

    @Test
    void shouldRejectKeysThatBelongToTheOtherProvider() throws IOException {
        // Given
        Files.writeString(dir.resolve("demo.yaml"), "responses: []\n");
        String yaml = """
                models:
                  offline:
                    provider: scripted
                    script: demo.yaml
                    base_url: http://127.0.0.1:8000/v1
                  gpt:
                    provider: openai
                    script: demo.yaml
                roles:
                  default: gpt
                """;

        // When
        List<String> errors = CapabilityRegistry.parse(yaml, dir).errors().stream().map(ConfigError::toString).toList();

        // Then
        assertThat(errors).containsExactlyInAnyOrder(
                "models.offline.base_url: only valid for provider openai (line 5)",
                "models.gpt.script: only valid for provider scripted (line 8)");
    }

    @Test
    void shouldRejectAKeyPastedInPlaceOfItsVariableNameWithoutRepeatingIt() {
        // Given
        String key = "sk-or-v1-0123456789abcdef";
        String yaml = MINIMAL.replace("provider: openai", "provider: openai\n    api_key_env: " + key);

        // When
        Parsed<CapabilityRegistry> parsed = CapabilityRegistry.parse(yaml, dir);

        // Then
        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo("models.gpt-oss.api_key_env");
            assertThat(error.toString()).doesNotContain(key);
        });
    }

    @Test
    void shouldRejectBadBaseUrlsAndMissingScripts() {
        // Given
        String yaml = """
                models:
                  a:
                    provider: openai
                    base_url: ftp://example.com/v1
                  b:
                    provider: openai
                    base_url: https://user:secret@example.com/v1
                  c:
                    provider: scripted
                    script: nowhere.yaml
                  d:
                    provider: scripted
                roles:
                  default: a
                """;

        // When
        List<String> errors = CapabilityRegistry.parse(yaml, dir).errors().stream().map(ConfigError::toString).toList();

        // Then
        assertThat(errors).containsExactlyInAnyOrder(
                "models.a.base_url: must be an http(s) URL with a host and no query (line 4)",
                "models.b.base_url: must not carry credentials; name them in api_key_env (line 7)",
                "models.c.script: file not found: " + dir.resolve("nowhere.yaml") + " (line 10)",
                "models.d.script: required (line 11)");
    }

    @Test
    void shouldRouteAnUnlistedRoleToTheDefaultModel() {
        // Given
        String yaml = """
                models:
                  big:
                    provider: openai
                  small:
                    provider: openai
                    model: openai/gpt-oss-20b
                    max_tokens: 800
                default_for_unknown_roles: true
                roles:
                  default: big
                  judge: small
                """;
        CapabilityRegistry registry = CapabilityRegistry.parse(yaml, dir).orThrow("test");

        // When
        Optional<ModelRoute> judge = registry.modelForRole("judge");
        Optional<ModelRoute> perceive = registry.modelForRole("perceive");

        // Then
        assertThat(judge).contains(ModelRoute.newBuilder().setModelKey("small").setProvider("openai")
                .setModel("openai/gpt-oss-20b").setMaxTokens(800).build());
        assertThat(perceive.map(ModelRoute::getModelKey)).contains("big");
    }

    @Test
    void shouldNotServeAnUnlistedRoleWithTheDefaultUnlessTheRegistryOptsIn() {
        // Given a registry with a default role but no opt-in
        CapabilityRegistry registry = CapabilityRegistry.parse(MINIMAL, dir).orThrow("test");

        // Then a misspelt role finds no model, while the default role itself is served
        assertThat(registry.defaultForUnknownRoles()).isFalse();
        assertThat(registry.modelForRole("writter")).isEmpty();
        assertThat(registry.modelForRole("default")).isPresent();
    }

    @Test
    void shouldRefuseTheOptInWithoutADefaultRole() {
        Parsed<CapabilityRegistry> parsed = CapabilityRegistry.parse("default_for_unknown_roles: true\n"
                + MINIMAL.replace("default:", "planner:"), dir);

        assertThat(parsed.errors()).map(ConfigError::toString).anyMatch(error ->
                error.startsWith("default_for_unknown_roles: needs roles.default"));
    }

    @Test
    void shouldFindNoModelForAnUnlistedRoleWithoutADefault() {
        // Given
        CapabilityRegistry registry = CapabilityRegistry.parse(MINIMAL.replace("default:", "planner:"), dir)
                .orThrow("test");

        // Then
        assertThat(registry.modelForRole("judge")).isEmpty();
        assertThat(registry.modelForRole("planner")).isPresent();
    }

    @Test
    void shouldThrowListingEveryErrorWhenLoadingAnInvalidFile() throws IOException {
        // Given
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                models:
                  gpt:
                    provider: openai
                    max_tokens: -3
                roles:
                  default: nobody
                """);

        // Then
        assertThatThrownBy(() -> CapabilityRegistry.load(file))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("models.gpt.max_tokens: must be > 0 (line 4)")
                .hasMessageContaining("roles.default: unknown model 'nobody' (line 6)")
                .satisfies(e -> assertThat(((RegistryException) e).errors()).hasSize(2));
    }

    @Test
    void shouldRefuseAnUnreadableFile() {
        assertThatThrownBy(() -> CapabilityRegistry.load(dir.resolve("absent.yaml")))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("absent.yaml cannot be read");
    }

    @Test
    void shouldRefuseADirectoryAsRegistryAtOnce() {
        assertThatThrownBy(() -> CapabilityRegistry.load(dir))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("is a directory, not a regular file");
    }
}
