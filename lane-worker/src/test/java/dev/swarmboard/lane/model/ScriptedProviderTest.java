package dev.swarmboard.lane.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmboard.capability.ConfigError;
import dev.swarmboard.capability.ModelSpec;
import dev.swarmboard.capability.Pricing;
import dev.swarmboard.input.InputFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ScriptedProviderTest {

    private static final ModelSpec SPEC = ModelSpec.scripted("scripted", 2000, new Pricing(1.0, 2.0),
            Path.of("script.yaml"));

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    private ScriptedProvider provider(String yaml) {
        return new ScriptedProvider(ScriptedProvider.parse(yaml).orThrow("test"), sleeps::add);
    }

    private static ModelRequest request(String lane, String stage, int attempt, int proposal, String role) {
        return new ModelRequest(SPEC, "offline", List.of(ChatMessage.user("12345678")), 2000,
                new CallKey("m-1", lane, stage, attempt, proposal, role));
    }

    private static final String LAYERED = """
            responses:
              - { lane: "*", stage: "*", output: any }
              - { lane: "*", stage: engage, output: any-lane-engage }
              - { lane: lane-a, stage: "*", output: lane-a-any-stage }
              - { lane: lane-a, stage: engage, output: lane-a-engage }
              - { lane: lane-a, stage: engage, attempt: 2, output: lane-a-engage-retry }
              - { lane: lane-a, stage: engage, proposal: 1, output: lane-a-engage-proposal-1 }
              - { lane: lane-a, stage: engage, role: judge, output: lane-a-engage-judge }
            """;

    @Test
    void shouldAnswerWithTheMostSpecificResponse() throws Exception {
        // Given
        ScriptedProvider provider = provider(LAYERED);

        // Then
        assertThat(provider.complete(request("lane-b", "perceive", 1, 0, "perceive")).content()).isEqualTo("any");
        assertThat(provider.complete(request("lane-b", "engage", 1, 0, "engage")).content())
                .isEqualTo("any-lane-engage");
        assertThat(provider.complete(request("lane-a", "react", 1, 0, "react")).content())
                .isEqualTo("lane-a-any-stage");
        assertThat(provider.complete(request("lane-a", "engage", 1, 0, "engage")).content()).isEqualTo("lane-a-engage");
        assertThat(provider.complete(request("lane-a", "engage", 2, 1, "engage")).content())
                .isEqualTo("lane-a-engage-retry");
        assertThat(provider.complete(request("lane-a", "engage", 1, 1, "engage")).content())
                .isEqualTo("lane-a-engage-proposal-1");
        assertThat(provider.complete(request("lane-a", "engage", 2, 1, "judge")).content())
                .isEqualTo("lane-a-engage-judge");
    }

    @Test
    void shouldTakeTheFirstOfEquallySpecificResponses() throws Exception {
        // Given
        ScriptedProvider provider = provider("""
                responses:
                  - { stage: perceive, output: first }
                  - { stage: perceive, output: second }
                """);

        // Then
        assertThat(provider.complete(request("lane-a", "perceive", 1, 0, "perceive")).content()).isEqualTo("first");
    }

    @Test
    void shouldFailClosedWhenNoResponseMatches() {
        // Given
        ScriptedProvider provider = provider("""
                responses:
                  - { lane: lane-a, stage: perceive, attempt: 1, output: only-this }
                """);

        // Then
        assertThatThrownBy(() -> provider.complete(request("lane-a", "perceive", 2, 0, "perceive")))
                .isInstanceOf(ModelCallException.class)
                .hasMessage("no scripted response for lane=lane-a stage=perceive attempt=2");
    }

    @Test
    void shouldDeriveTokensFromTextLengthUnlessGiven() throws Exception {
        // Given
        ScriptedProvider provider = provider("""
                responses:
                  - { stage: perceive, output: "0123456789" }
                  - { stage: react, output: "x", tokens_in: 120, tokens_out: 80 }
                """);

        // When
        ModelResponse derived = provider.complete(request("lane-a", "perceive", 1, 0, "perceive"));
        ModelResponse given = provider.complete(request("lane-a", "react", 1, 0, "react"));

        // Then
        assertThat(derived.tokensIn()).isEqualTo(2);
        assertThat(derived.tokensOut()).isEqualTo(3);
        assertThat(given.tokensIn()).isEqualTo(120);
        assertThat(given.tokensOut()).isEqualTo(80);
        assertThat(given.costUsd()).isEqualTo((120 * 1.0 + 80 * 2.0) / 1_000_000);
        assertThat(given.model()).isEqualTo("scripted");
        assertThat(given.flags()).isEmpty();
    }

    @Test
    void shouldSimulateLatencyThroughTheSleeper() throws Exception {
        // Given
        ScriptedProvider provider = provider("""
                responses:
                  - { output: slow, latency_ms: 1500 }
                """);

        // When
        ModelResponse response = provider.complete(request("lane-a", "engage", 1, 0, "engage"));

        // Then
        assertThat(sleeps).containsExactly(Duration.ofMillis(1500));
        assertThat(response.latencyMs()).isEqualTo(1500);
    }

    @Test
    void shouldRejectEveryBadEntryWithItsPathAndLine() {
        // When
        List<String> errors = ScriptedProvider.parse("""
                responses:
                  - lane: "*"
                    stage: perceive
                    attempt: 0
                    outptu: typo
                  - stage: react
                    output: fine
                    tokens_out: -1
                extra: true
                """).errors().stream().map(ConfigError::toString).toList();

        // Then
        assertThat(errors).containsExactlyInAnyOrder(
                "responses[0].attempt: must be > 0 (line 4)",
                "responses[0].outptu: unknown key (allowed: attempt, lane, latency_ms, output, proposal, role, stage, "
                        + "tokens_in, tokens_out) (line 5)",
                "responses[0].output: required (line 2)",
                "responses[1].tokens_out: must be >= 0 (line 8)",
                "extra: unknown key (allowed: responses) (line 9)");
    }

    @Test
    void shouldRefuseAnEmptyScript() {
        assertThat(ScriptedProvider.parse("responses: []\n").errors()).map(ConfigError::toString)
                .containsExactly("responses: must not be empty (line 1)");
    }

    @Test
    void shouldLoadTheDemoScript() throws Exception {
        // Given
        ScriptedProvider demo = ScriptedProvider.load(Path.of("..", "examples", "scripted", "demo.yaml"), sleeps::add);

        // Then
        for (String stage : List.of("perceive", "react", "engage")) {
            assertThat(demo.complete(request("lane-1", stage, 1, 0, stage)).content()).isNotBlank();
        }
    }

    @Test
    void shouldThrowListingTheFileWhenLoadingAMissingScript() {
        assertThatThrownBy(() -> ScriptedProvider.load(Path.of("no-such-script.yaml"), sleeps::add))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("no-such-script.yaml cannot be read");
    }
}
