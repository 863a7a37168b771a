package dev.swarmboard.lane.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.capability.ModelSpec;
import dev.swarmboard.capability.RegistryException;
import dev.swarmboard.capability.SecretResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelProvidersTest {

    @TempDir
    Path dir;

    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private final Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMillis(10), () -> 0.0, d -> { });

    @AfterEach
    void stopServer() {
        server.close();
    }

    private CapabilityRegistry registry(String script) throws IOException {
        Files.writeString(dir.resolve("demo.yaml"), script);
        return CapabilityRegistry.parse("""
                models:
                  offline:
                    provider: scripted
                    script: demo.yaml
                  remote:
                    provider: openai
                    base_url: %s
                roles:
                  default: offline
                """.formatted(server.baseUrl()), dir).orThrow("test");
    }

    private static ModelRequest request(CapabilityRegistry registry, String modelKey) {
        ModelSpec spec = registry.model(modelKey).orElseThrow();
        return new ModelRequest(spec, modelKey, List.of(ChatMessage.user("go")), spec.maxTokens(),
                new CallKey("m-1", "lane-a", "engage", 1, 0, "engage"));
    }

    @Test
    void shouldPickTheProviderOfEachRequestsModel() throws Exception {
        // Given
        CapabilityRegistry registry = registry("responses:\n  - { output: from-script }\n");
        ModelProvider provider = ModelProviders.forRegistry(registry, new SecretResolver(Map.<String, String>of()::get),
                backoff, d -> { });
        server.reply(FakeOpenAiServer.content("from-server"));

        // Then
        assertThat(provider.complete(request(registry, "offline")).content()).isEqualTo("from-script");
        assertThat(provider.complete(request(registry, "remote")).content()).isEqualTo("from-server");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void shouldRefuseToStartWithAnInvalidScript() throws Exception {
        // Given
        CapabilityRegistry registry = registry("responses:\n  - { outptu: typo }\n");

        // Then
        assertThatThrownBy(() -> ModelProviders.forRegistry(registry))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("demo.yaml")
                .hasMessageContaining("responses[0].outptu: unknown key");
    }
}
