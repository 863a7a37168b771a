package dev.swarmboard.lane.model;

import static dev.swarmboard.lane.model.FakeOpenAiServer.completion;
import static dev.swarmboard.lane.model.FakeOpenAiServer.echoAuthorization;
import static dev.swarmboard.lane.model.FakeOpenAiServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.swarmboard.capability.ModelSpec;
import dev.swarmboard.capability.OpenAiEndpoint;
import dev.swarmboard.capability.Pricing;
import dev.swarmboard.capability.Redactor;
import dev.swarmboard.capability.ResponseFormat;
import dev.swarmboard.capability.SecretResolver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A provider that sends the key back every way it can: nothing of it may leave the call. */
class HostileProviderTest {

    static final String KEY = "sk-hostile-7d3f09b2c4e1a6f85b0c";
    private static final String KEY_ENV = "HOSTILE_KEY";

    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private final Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), () -> 0.0, delay -> { });
    private final OpenAiProvider provider = new OpenAiProvider(new SecretResolver(Map.of(KEY_ENV, KEY)::get), backoff);

    @AfterEach
    void stopServer() {
        server.close();
    }

    private ModelRequest request(int maxRetries) {
        ModelSpec spec = ModelSpec.openAi("fake-model", 100, new Pricing(0, 0), new OpenAiEndpoint(server.baseUrl(),
                Optional.of(KEY_ENV), Duration.ofSeconds(2), Duration.ofSeconds(10), maxRetries, ResponseFormat.NONE));
        return new ModelRequest(spec, "hostile", List.of(ChatMessage.user("hi")), 100,
                new CallKey("m-1", "lane-a", "engage", 1, 0, "engage"));
    }

    /** Every piece of the key a reader could use: each stretch of {@link Redactor#MIN_FRAGMENT} characters. */
    static List<String> fragments(String key) {
        return IntStream.rangeClosed(0, key.length() - Redactor.MIN_FRAGMENT)
                .mapToObj(start -> key.substring(start, start + Redactor.MIN_FRAGMENT)).toList();
    }

    private static void assertSealed(String... texts) {
        for (String text : texts) {
            assertThat(fragments(KEY)).noneMatch(text::contains);
        }
    }

    @Test
    void shouldScrubAnEchoedAuthorizationHeaderFromContentAndModel() throws Exception {
        // Given
        server.reply(echoAuthorization("you sent: "));

        // When
        ModelResponse response = provider.complete(request(0));

        // Then
        assertThat(server.requests().get(0).header("Authorization")).contains("Bearer " + KEY);
        assertThat(response.content()).isEqualTo("you sent: Bearer [redacted]");
        assertThat(response.model()).isEqualTo("Bearer [redacted]");
        assertSealed(response.content(), response.model(), response.flags().toString());
    }

    @Test
    void shouldScrubTheKeyFromTheModelFieldEvenWhenJsonEscaped() throws Exception {
        // Given: the key in the model field, every fourth letter JSON-escaped so a scan of the raw body misses it
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < KEY.length(); i++) {
            escaped.append(i % 4 == 0 ? String.format("\\u%04x", (int) KEY.charAt(i)) : KEY.charAt(i));
        }
        String body = ((FakeOpenAiServer.Respond) completion("ok", "x")).body();
        server.reply(new FakeOpenAiServer.Respond(200, Map.of(),
                body.replace("\"model\":\"x\"", "\"model\":\"" + escaped + "\"")));
        assertSealed(body.replace("\"model\":\"x\"", "\"model\":\"" + escaped + "\""));

        // When
        ModelResponse response = provider.complete(request(0));

        // Then
        assertThat(response.model()).isEqualTo("[redacted]");
    }

    @Test
    void shouldRedactAnErrorBodyBeforeCuttingItSoNoPrefixLeaks() {
        // Given: the key at character 290 of a 500's message, so a cut at 300 would leave its first 10
        String message = "e".repeat(290) + KEY + " trailing";
        server.reply(status(500, message), status(500, message));
        Logger logger = (Logger) LoggerFactory.getLogger(OpenAiCall.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);

        // When
        ModelCallException failure = catchThrowableOfType(ModelCallException.class,
                () -> provider.complete(request(1)));
        logger.detachAppender(log);

        // Then
        assertThat(failure.getMessage()).contains("e".repeat(290) + "[redacted]");
        assertThat(log.list).hasSize(1);
        assertSealed(failure.getMessage(), failure.toString(), log.list.get(0).getFormattedMessage());
    }
}
