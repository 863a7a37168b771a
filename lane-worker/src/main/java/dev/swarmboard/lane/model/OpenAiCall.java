package dev.swarmboard.lane.model;

import dev.swarmboard.capability.ApiKey;
import dev.swarmboard.capability.OpenAiEndpoint;
import dev.swarmboard.capability.Redactor;
import dev.swarmboard.capability.ResponseFormat;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat-completions call and its retries. 429, 5xx, timeouts and I/O errors share the endpoint's
 * retry budget and back off; empty content is retried once; a rejected {@code response_format} is
 * dropped once. Nothing the provider sent leaves this class unscrubbed: the body is redacted as it
 * arrives, and each field read from it (content, model, error message) again after JSON decoding and
 * before any cut to length, so neither an escaped key nor a prefix left by a cut gets through.
 */
final class OpenAiCall {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiCall.class);

    private final HttpClient client;
    private final Backoff backoff;
    private final ModelRequest request;
    private final OpenAiEndpoint endpoint;
    private final Optional<ApiKey> apiKey;
    private final Redactor redactor;
    private final CallFlags flags = new CallFlags();
    private boolean askForJsonObject;
    private boolean emptyContentRetried;
    private int retries;

    OpenAiCall(HttpClient client, Backoff backoff, ModelRequest request, OpenAiEndpoint endpoint,
            Optional<ApiKey> apiKey, Redactor redactor) {
        this.client = client;
        this.redactor = redactor;
        this.backoff = backoff;
        this.request = request;
        this.endpoint = endpoint;
        this.apiKey = apiKey;
        this.askForJsonObject = endpoint.responseFormat() == ResponseFormat.JSON_OBJECT;
    }

    ModelResponse run() throws ModelCallException {
        long started = System.nanoTime();
        while (true) {
            Optional<HttpResponse<String>> response = send();
            if (response.isPresent()) {
                Optional<ChatCompletions.Completion> completion = accept(response.get());
                if (completion.isPresent()) {
                    return toResponse(completion.get(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                }
            }
        }
    }

    /** Sends once; empty when the attempt failed in transit and a retry has been waited for. */
    private Optional<HttpResponse<String>> send() throws ModelCallException {
        try {
            return Optional.of(client.send(httpRequest(), HttpResponse.BodyHandlers.ofString()));
        } catch (HttpConnectTimeoutException e) {
            flags.count("timeout");
            retryOrFail("connect timed out after " + endpoint.connectTimeout().toSeconds() + "s to " + host(),
                    Optional.empty());
        } catch (HttpTimeoutException e) {
            flags.count("timeout");
            retryOrFail("no answer within the read timeout of " + seconds(endpoint.readTimeout()) + " from " + host(),
                    Optional.empty());
        } catch (IOException e) {
            flags.count("retry_io");
            retryOrFail("cannot reach " + host() + ": " + e, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while calling " + host());
        }
        return Optional.empty();
    }

    /** Judges one HTTP answer: a usable completion, a retry (empty), or a failure. */
    private Optional<ChatCompletions.Completion> accept(HttpResponse<String> response) throws ModelCallException {
        int status = response.statusCode();
        String body = redact(response.body());
        if (status == 429) {
            flags.count("retry_429");
            retryOrFail("HTTP 429 (rate limited): " + ChatCompletions.errorMessage(body, redactor), retryAfter(response));
            return Optional.empty();
        }
        if (status >= 500) {
            flags.count("retry_5xx");
            retryOrFail("HTTP " + status + ": " + ChatCompletions.errorMessage(body, redactor), retryAfter(response));
            return Optional.empty();
        }
        if (status == 400 && askForJsonObject && ChatCompletions.rejectsResponseFormat(body)) {
            askForJsonObject = false;
            flags.add("response_format_dropped");
            return Optional.empty();
        }
        if (status / 100 != 2) {
            throw failure("HTTP " + status + ": " + ChatCompletions.errorMessage(body, redactor));
        }
        ChatCompletions.Completion completion = ChatCompletions.parse(body, redactor)
                .orElseThrow(() -> failure("malformed answer (no choices): " + ChatCompletions.errorMessage(body, redactor)));
        if (completion.content().isBlank()) {
            if (emptyContentRetried) {
                throw failure("empty content, also after one retry");
            }
            emptyContentRetried = true;
            flags.add("retry_empty_content");
            return Optional.empty();
        }
        return Optional.of(completion);
    }

    private void retryOrFail(String reason, Optional<Duration> retryAfter) throws ModelCallException {
        if (retries >= endpoint.maxRetries()) {
            throw failure(reason + " (gave up after " + (retries + 1) + " attempts)");
        }
        retries++;
        Duration delay = backoff.delay(retries, retryAfter);
        LOG.warn("model call {} lane={} stage={} will retry ({}/{}) in {} ms: {}", request.modelKey(),
                request.key().laneId(), request.key().stage(), retries, endpoint.maxRetries(), delay.toMillis(),
                redact(reason));
        try {
            backoff.pause(retries, retryAfter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while backing off: " + reason);
        }
    }

    private ModelResponse toResponse(ChatCompletions.Completion completion, long latencyMs) {
        if (completion.promptTokens().isEmpty() || completion.completionTokens().isEmpty()) {
            flags.add("usage_missing");
        }
        if (completion.finishReason().filter("length"::equals).isPresent()) {
            flags.add("finish_length");
        }
        long tokensIn = completion.promptTokens().orElse(0);
        long tokensOut = completion.completionTokens().orElse(0);
        return new ModelResponse(completion.content(), completion.model().orElse(request.spec().model()), tokensIn,
                tokensOut, request.spec().pricing().costUsd(tokensIn, tokensOut), latencyMs, flags.list());
    }

    private HttpRequest httpRequest() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.chatCompletionsUri())
                .timeout(endpoint.readTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        ChatCompletions.requestBody(request.spec().model(), request, askForJsonObject)));
        apiKey.ifPresent(key -> builder.header("Authorization", "Bearer " + key.reveal()));
        return builder.build();
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.strip().matches("\\d{1,9}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.strip())));
    }

    private ModelCallException failure(String reason) {
        return new ModelCallException(request.modelKey() + ": " + redact(reason), flags.list());
    }

    private String redact(String text) {
        return redactor.redact(text);
    }

    private String host() {
        return endpoint.baseUrl().getHost();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
