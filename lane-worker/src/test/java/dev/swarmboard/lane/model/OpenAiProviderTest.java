package dev.swarmboard.lane.model;

import static dev.swarmboard.lane.model.FakeOpenAiServer.content;
import static dev.swarmboard.lane.model.FakeOpenAiServer.contentWithoutUsage;
import static dev.swarmboard.lane.model.FakeOpenAiServer.delayed;
import static dev.swarmboard.lane.model.FakeOpenAiServer.rateLimited;
import static dev.swarmboard.lane.model.FakeOpenAiServer.rejectResponseFormat;
import static dev.swarmboard.lane.model.FakeOpenAiServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmboard.capability.ModelSpec;
import dev.swarmboard.capability.OpenAiEndpoint;
import dev.swarmboard.capability.Pricing;
import dev.swarmboard.capability.ResponseFormat;
import dev.swarmboard.capability.SecretResolver;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class OpenAiProviderTest {

    private static final String KEY = "sk-or-v1-test-5e1f0c2a9b";
    private static final String KEY_ENV = "OPENROUTER_API_KEY";
    // Long enough for a cold JVM on a busy machine; the timeout tests use SHORT_READ_TIMEOUT.
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SHORT_READ_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration HELD = Duration.ofSeconds(60);

    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofSeconds(30), () -> 0.5, sleeps::add);
    private final OpenAiProvider provider = new OpenAiProvider(new SecretResolver(Map.of(KEY_ENV, KEY)::get), backoff);

    @AfterEach
    void stopServer() {
        server.close();
    }

    private ModelSpec spec(Optional<String> keyEnv, ResponseFormat format, int maxRetries) {
        return spec(server.baseUrl(), keyEnv, format, maxRetries, READ_TIMEOUT);
    }

    private static ModelSpec spec(URI baseUrl, Optional<String> keyEnv, ResponseFormat format, int maxRetries,
            Duration readTimeout) {
        return ModelSpec.openAi(ModelSpec.DEFAULT_MODEL, ModelSpec.DEFAULT_MAX_TOKENS, new Pricing(1.0, 2.0),
                new OpenAiEndpoint(baseUrl, keyEnv, Duration.ofSeconds(2), readTimeout, maxRetries, format));
    }

    private ModelSpec keyed(int maxRetries) {
        return spec(Optional.of(KEY_ENV), ResponseFormat.NONE, maxRetries);
    }

    private ModelSpec keyedWithShortReadTimeout(int maxRetries) {
        return spec(server.baseUrl(), Optional.of(KEY_ENV), ResponseFormat.NONE, maxRetries, SHORT_READ_TIMEOUT);
    }

    private static ModelRequest request(ModelSpec spec) {
        return new ModelRequest(spec, "gpt-oss",
                List.of(ChatMessage.system("You perceive."), ChatMessage.user("Summarise the scope.")),
                spec.maxTokens(), new CallKey("m-1", "lane-a", "perceive", 1, 0, "perceive"));
    }

    private ModelCallException failure(ModelSpec spec) {
        ModelCallException failure = catchThrowableOfType(ModelCallException.class,
                () -> provider.complete(request(spec)));
        assertThat(failure).isNotNull();
        assertNoKeyIn(failure.getMessage(), failure.flags().toString(), failure.toString());
        return failure;
    }

    private static void assertNoKeyIn(String... texts) {
        for (String text : texts) {
            assertThat(text).doesNotContain(KEY);
        }
    }

    @Test
    void shouldPostModelMessagesAndMaxTokensWithTheBearerKey() throws Exception {
        // Given
        server.reply(content("perception_snapshot: fine"));

        // When
        ModelResponse response = provider.complete(request(keyed(4)));

        // Then
        assertThat(response.content()).isEqualTo("perception_snapshot: fine");
        assertThat(response.model()).isEqualTo("fake-model");
        assertThat(response.tokensIn()).isEqualTo(11);
        assertThat(response.tokensOut()).isEqualTo(7);
        assertThat(response.costUsd()).isEqualTo((11 * 1.0 + 7 * 2.0) / 1_000_000);
        assertThat(response.flags()).isEmpty();
        assertNoKeyIn(response.toString());
        FakeOpenAiServer.RecordedRequest sent = server.requests().get(0);
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("Authorization")).contains("Bearer " + KEY);
        JsonNode body = sent.body();
        assertThat(body.path("model").asText()).isEqualTo("openai/gpt-oss-120b");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(2000);
        assertThat(body.path("messages").toString()).isEqualTo("[{\"role\":\"system\",\"content\":\"You perceive.\"},"
                + "{\"role\":\"user\",\"content\":\"Summarise the scope.\"}]");
        assertThat(body.has("response_format")).isFalse();
    }

    @Test
    void shouldSendNoAuthorizationWhenNoKeyIsNamed() throws Exception {
        // When
        provider.complete(request(spec(Optional.empty(), ResponseFormat.NONE, 0)));

        // Then
        assertThat(server.requests()).singleElement()
                .satisfies(sent -> assertThat(sent.header("Authorization")).isEmpty());
    }

    @Test
    void shouldFailNamingTheVariableWhenTheKeyIsNotSet() {
        // Given
        ModelSpec spec = spec(Optional.of("UNSET_KEY"), ResponseFormat.NONE, 0);

        // When
        ModelCallException failure = failure(spec);

        // Then
        assertThat(failure).hasMessage("gpt-oss: env var UNSET_KEY is not set");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void shouldHonourRetryAfterOnRateLimits() throws Exception {
        // Given
        server.reply(rateLimited(7), rateLimited(3), content("done"));

        // When
        ModelResponse response = provider.complete(request(keyed(4)));

        // Then
        assertThat(response.content()).isEqualTo("done");
        assertThat(response.flags()).containsExactly("retry_429:2");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3));
    }

    @Test
    void shouldBackOffExponentiallyWithJitterOnServerErrors() throws Exception {
        // Given
        server.reply(status(500, "boom"), status(503, "busy"), status(502, "bad gateway"), content("done"));

        // When
        ModelResponse response = provider.complete(request(keyed(4)));

        // Then
        assertThat(response.flags()).containsExactly("retry_5xx:3");
        assertThat(sleeps).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20));
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void shouldGiveUpAfterMaxRetriesWithTheLastReason() {
        // Given
        server.reply(status(500, "boom"), status(500, "boom"), status(503, "still busy"));

        // When
        ModelCallException failure = failure(keyed(2));

        // Then
        assertThat(failure).hasMessage("gpt-oss: HTTP 503: still busy (gave up after 3 attempts)");
        assertThat(failure.flags()).containsExactly("retry_5xx:3");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void shouldRetryAReadTimeoutLikeAServerError() throws Exception {
        // Given
        server.reply(delayed(HELD, content("late")), content("in time"));

        // When
        ModelResponse response = provider.complete(request(keyedWithShortReadTimeout(4)));

        // Then
        assertThat(response.content()).isEqualTo("in time");
        assertThat(response.flags()).containsExactly("timeout:1");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void shouldFailWithAClearReasonWhenEveryAttemptTimesOut() {
        // Given
        server.reply(delayed(HELD, content("late")), delayed(HELD, content("late")));

        // When
        ModelCallException failure = failure(keyedWithShortReadTimeout(1));

        // Then
        assertThat(failure).hasMessage("gpt-oss: no answer within the read timeout of 1s from 127.0.0.1 "
                + "(gave up after 2 attempts)");
        assertThat(failure.flags()).containsExactly("timeout:2");
    }

    @Test
    void shouldRetryWhenTheServerCannotBeReached() {
        // Given
        URI closed = server.baseUrl();
        server.close();

        // When
        ModelCallException failure = failure(spec(closed, Optional.of(KEY_ENV), ResponseFormat.NONE, 1, READ_TIMEOUT));

        // Then
        assertThat(failure.getMessage()).startsWith("gpt-oss: cannot reach 127.0.0.1: ")
                .endsWith("(gave up after 2 attempts)");
        assertThat(failure.flags()).containsExactly("retry_io:2");
    }

    @Test
    void shouldRetryOnceOnEmptyContent() throws Exception {
        // Given
        server.reply(content(""), content("second time lucky"));

        // When
        ModelResponse response = provider.complete(request(keyed(0)));

        // Then
        assertThat(response.content()).isEqualTo("second time lucky");
        assertThat(response.flags()).containsExactly("retry_empty_content");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void shouldFailWhenContentIsStillEmptyAfterTheRetry() {
        // Given
        server.reply(content(""), content("  "));

        // When
        ModelCallException failure = failure(keyed(4));

        // Then
        assertThat(failure).hasMessage("gpt-oss: empty content, also after one retry");
        assertThat(failure.flags()).containsExactly("retry_empty_content");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void shouldDropAResponseFormatTheProviderRejects() throws Exception {
        // Given
        server.reply(rejectResponseFormat(), content("{\"ok\": true}"));

        // When
        ModelResponse response = provider.complete(request(spec(Optional.of(KEY_ENV), ResponseFormat.JSON_OBJECT, 0)));

        // Then
        assertThat(response.flags()).containsExactly("response_format_dropped");
        List<FakeOpenAiServer.RecordedRequest> sent = server.requests();
        assertThat(sent.get(0).body().path("response_format").toString()).isEqualTo("{\"type\":\"json_object\"}");
        assertThat(sent.get(1).body().has("response_format")).isFalse();
    }

    @Test
    void shouldFlagMissingUsageAndCountNoTokens() throws Exception {
        // Given
        server.reply(contentWithoutUsage("fine"));

        // When
        ModelResponse response = provider.complete(request(keyed(0)));

        // Then
        assertThat(response.flags()).containsExactly("usage_missing");
        assertThat(response.tokensIn()).isZero();
        assertThat(response.tokensOut()).isZero();
        assertThat(response.costUsd()).isZero();
    }

    @Test
    void shouldNotRetryOtherClientErrorsAndRedactAnEchoedKey() {
        // Given
        server.reply(status(401, "No auth credentials found for Bearer " + KEY));

        // When
        ModelCallException failure = failure(keyed(4));

        // Then
        assertThat(failure).hasMessage("gpt-oss: HTTP 401: No auth credentials found for Bearer [redacted]");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void shouldKeepAnEchoedKeyOutOfTheRetryLog() throws Exception {
        // Given
        Logger logger = (Logger) LoggerFactory.getLogger(OpenAiCall.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        server.reply(status(500, "upstream rejected Bearer " + KEY), content("done"));

        // When
        try {
            provider.complete(request(keyed(1)));
        } finally {
            logger.detachAppender(log);
        }

        // Then
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).contains("HTTP 500: upstream rejected Bearer [redacted]");
            assertNoKeyIn(event.getFormattedMessage());
        });
    }

    @Test
    void shouldRejectAnAnswerWithoutChoices() {
        // Given
        server.reply(new FakeOpenAiServer.Respond(200, Map.of(), "{\"object\":\"chat.completion\"}"));

        // Then
        assertThatThrownBy(() -> provider.complete(request(keyed(0))))
                .isInstanceOf(ModelCallException.class)
                .hasMessageStartingWith("gpt-oss: malformed answer (no choices)");
    }
}
