package dev.swarmboard.lane.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A local OpenAI chat-completions server for tests, on 127.0.0.1 and a free port. Queue the replies it
 * gives, one a request, in order (faults included); once the queue is empty it answers {@code "ok"}.
 * Every request is recorded with its headers and JSON body.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String DEFAULT_CONTENT = "ok";

    /** One answer the server gives to one request. */
    public sealed interface Reply permits Respond, Delayed, Computed {
    }

    /** Answers with what {@code reply} makes of the request (a hostile server echoing what it was sent). */
    public record Computed(Function<RecordedRequest, Reply> reply) implements Reply {
    }

    /** Answers at once with this status, headers and body. */
    public record Respond(int status, Map<String, String> headers, String body) implements Reply {
    }

    /** Waits {@code delay} (past a client's read timeout, typically), then gives {@code then}. */
    public record Delayed(Duration delay, Reply then) implements Reply {
    }

    /** What the server received: path, headers (names in lower case) and the parsed body. */
    public record RecordedRequest(String path, Map<String, String> headers, JsonNode body) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch closed = new CountDownLatch(1);

    private FakeOpenAiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static FakeOpenAiServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "fake-openai");
                thread.setDaemon(true);
                return thread;
            });
            FakeOpenAiServer fake = new FakeOpenAiServer(server, executor);
            server.createContext("/v1/chat/completions", fake::handle);
            server.setExecutor(executor);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code base_url} to put in a model spec. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    public FakeOpenAiServer reply(Reply... next) {
        replies.addAll(List.of(next));
        return this;
    }

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public static Reply content(String text) {
        return completion(text, true);
    }

    public static Reply contentWithoutUsage(String text) {
        return completion(text, false);
    }

    public static Reply status(int status, String errorMessage) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", errorMessage).put("code", status);
        return new Respond(status, Map.of(), body.toString());
    }

    /** A 2xx answer with this content and this {@code model} field. */
    public static Reply completion(String text, String model) {
        ObjectNode body = (ObjectNode) readTree(((Respond) content(text)).body());
        body.put("model", model);
        return new Respond(200, Map.of(), body.toString());
    }

    /** A 2xx answer whose content, model field and headers echo the request's Authorization header. */
    public static Reply echoAuthorization(String contentPrefix) {
        return new Computed(request -> {
            String authorization = request.header("Authorization").orElse("none");
            Respond answer = (Respond) completion(contentPrefix + authorization, authorization);
            return new Respond(200, Map.of("X-Echo-Authorization", authorization), answer.body());
        });
    }

    public static Reply rateLimited(int retryAfterSeconds) {
        Respond limited = (Respond) status(429, "Rate limit exceeded");
        return new Respond(429, Map.of("Retry-After", Integer.toString(retryAfterSeconds)), limited.body());
    }

    /** The 400 a provider gives when it does not support {@code response_format}. */
    public static Reply rejectResponseFormat() {
        return status(400, "Invalid parameter: 'response_format' of type 'json_object' is not supported with this model");
    }

    public static Reply delayed(Duration delay, Reply then) {
        return new Delayed(delay, then);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private static Reply completion(String text, boolean withUsage) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-fake").put("object", "chat.completion").put("model", "fake-model");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        if (withUsage) {
            body.putObject("usage").put("prompt_tokens", 11).put("completion_tokens", 7).put("total_tokens", 18);
        }
        return new Respond(200, Map.of(), body.toString());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            RecordedRequest recorded = new RecordedRequest(exchange.getRequestURI().getPath(), Map.copyOf(headers),
                    JSON.readTree(raw));
            requests.add(recorded);
            Reply reply = Optional.ofNullable(replies.poll()).orElseGet(() -> content(DEFAULT_CONTENT));
            send(exchange, reply, recorded);
        }
    }

    private void send(HttpExchange exchange, Reply reply, RecordedRequest request) throws IOException {
        if (reply instanceof Delayed delayed) {
            if (awaitClose(delayed.delay())) {
                return;
            }
            send(exchange, delayed.then(), request);
            return;
        }
        if (reply instanceof Computed computed) {
            send(exchange, computed.reply().apply(request), request);
            return;
        }
        Respond respond = (Respond) reply;
        byte[] body = respond.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        respond.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        try {
            exchange.sendResponseHeaders(respond.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException clientGone) {
            // The client may have timed out and closed the connection: that is the fault under test.
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits out a delay; true when the server closed meanwhile. */
    private boolean awaitClose(Duration delay) {
        try {
            return closed.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
