package dev.swarmboard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible server on loopback that hands the caller's key back: a request mentioning
 * {@code failLane} gets a 500 whose error has the key at character 290; the others get, in turn, a 200
 * echoing the Authorization header in content, model field and a header, or one whose model is the key.
 */
final class HostileProvider implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String failLane;
    private final AtomicInteger answers = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private HostileProvider(HttpServer server, String failLane) {
        this.server = server;
        this.failLane = failLane;
    }

    static HostileProvider start(String failLane) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        HostileProvider provider = new HostileProvider(server, failLane);
        server.createContext("/v1/chat/completions", provider::handle);
        server.start();
        return provider;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            authorizations.add(authorization);
            String key = authorization.substring(authorization.indexOf(' ') + 1);
            ObjectNode body = JSON.createObjectNode();
            int status = 200;
            if (request.contains(failLane)) {
                status = 500;
                body.putObject("error").put("message", "e".repeat(290) + key + " and more");
            } else {
                boolean echo = answers.getAndIncrement() % 2 == 0;
                body.put("model", echo ? authorization : key);
                body.putArray("choices").addObject().put("finish_reason", "stop").putObject("message")
                        .put("role", "assistant").put("content", "perception_snapshot:\n  sent: \"" + authorization
                                + "\"\n  done: [\"" + key + "\"]\n");
                body.putObject("usage").put("prompt_tokens", 5).put("completion_tokens", 5);
                exchange.getResponseHeaders().add("X-Echo-Authorization", authorization);
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
