package dev.swarmboard.orchestrator.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmboard.capability.ModelSpec;
import dev.swarmboard.capability.OpenAiEndpoint;
import dev.swarmboard.capability.Pricing;
import dev.swarmboard.capability.ResponseFormat;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenLimitTest {

    private static final ModelSpec LOCAL = ModelSpec.openAi("m", 1500, Pricing.FREE, endpoint("http://127.0.0.1:8000/v1"));
    private static final ModelSpec OPENROUTER = ModelSpec.openAi("openai/gpt-oss-120b", 1500, Pricing.FREE,
            endpoint("https://openrouter.ai/api/v1"));
    private static final ModelSpec SCRIPTED = ModelSpec.scripted("s", 2000, Pricing.FREE, Path.of("s.yaml"));
    private static final TokenDefaults ENV = new TokenDefaults(Optional.of(3000), Optional.of(5000));

    private static OpenAiEndpoint endpoint(String url) {
        return new OpenAiEndpoint(URI.create(url), Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(5), 0,
                ResponseFormat.NONE);
    }

    @Test
    void shouldPreferTheMissionStageThenThePhaseThenTheEnvironmentThenTheRegistry() {
        assertThat(TokenLimit.resolve("engage", Optional.of(4000), Optional.of(800), ENV, "k", LOCAL))
                .isEqualTo(new TokenLimit.Resolved(4000, "mission stages.engage.max_tokens"));
        assertThat(TokenLimit.resolve("engage", Optional.empty(), Optional.of(800), ENV, "k", LOCAL))
                .isEqualTo(new TokenLimit.Resolved(800, "workflow phase engage max_tokens"));
        assertThat(TokenLimit.resolve("engage", Optional.empty(), Optional.empty(), ENV, "k", LOCAL))
                .isEqualTo(new TokenLimit.Resolved(3000, "SWARM_MAX_TOKENS"));
        assertThat(TokenLimit.resolve("engage", Optional.empty(), Optional.empty(), TokenDefaults.NONE, "k", LOCAL))
                .isEqualTo(new TokenLimit.Resolved(1500, "registry models.k.max_tokens"));
    }

    @Test
    void shouldHonourOpenRouterMaxTokensOnlyForOpenRouterModels() {
        assertThat(TokenLimit.resolve("engage", Optional.empty(), Optional.empty(), ENV, "or", OPENROUTER))
                .isEqualTo(new TokenLimit.Resolved(5000, "OPENROUTER_MAX_TOKENS"));
        assertThat(TokenLimit.resolve("engage", Optional.empty(), Optional.empty(), ENV, "s", SCRIPTED).maxTokens())
                .isEqualTo(3000);
        assertThat(TokenLimit.servedByOpenRouter(LOCAL)).isFalse();
    }

    @Test
    void shouldReadTheEnvironmentAndRefuseANonPositiveCap() {
        assertThat(TokenDefaults.fromEnvironment(Map.of("SWARM_MAX_TOKENS", "1200")))
                .isEqualTo(new TokenDefaults(Optional.of(1200), Optional.empty()));
        assertThatThrownBy(() -> TokenDefaults.fromEnvironment(Map.of("OPENROUTER_MAX_TOKENS", "0")))
                .hasMessageContaining("OPENROUTER_MAX_TOKENS=0 is not valid");
    }
}
