package dev.swarmboard.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.swarmboard.telemetry.SwarmMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /healthy}, {@code /ready} and {@code /metrics} on a small HTTP server. {@code /healthy} is
 * 200 while every service's loops run, 500 otherwise; {@code /ready} is 200 only while Kafka answers
 * the connectivity probe and every service has work it can do (a usable assignment), 503 otherwise;
 * {@code /metrics} in the Prometheus text format 0.0.4 (normally {@link SwarmMetrics#scrape()}). The port is bound in the constructor, so a taken port fails
 * before any Kafka client exists. A service may add a read-only path of its own ({@link #route}), such
 * as the lane workers' {@code /backlog}.
 */
public final class HealthServer implements AutoCloseable {

    private final HttpServer server;

    public HealthServer(int port, List<SwarmService> services, BooleanSupplier kafkaReachable,
                        Supplier<String> metrics) {
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open health port " + port, e);
        }
        server.createContext("/healthy", exchange -> status(exchange, 500,
                () -> services.stream().allMatch(SwarmService::isHealthy)));
        server.createContext("/ready", exchange -> status(exchange, 503,
                () -> kafkaReachable.getAsBoolean() && services.stream().allMatch(SwarmService::isReady)));
        server.createContext("/metrics", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", SwarmMetrics.CONTENT_TYPE);
            respond(exchange, 200, metrics.get());
        });
    }

    /** One response of an added path. */
    public record Reply(int status, String contentType, String body) {
    }

    /** Serves {@code path} with what {@code reply} returns at each request; call before {@link #start()}. */
    public HealthServer route(String path, Supplier<Reply> reply) {
        server.createContext(path, exchange -> {
            Reply answer = reply.get();
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            respond(exchange, answer.status(), answer.body());
        });
        return this;
    }

    public HealthServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void status(HttpExchange exchange, int failure, BooleanSupplier check) throws IOException {
        boolean ok = check.getAsBoolean();
        respond(exchange, ok ? 200 : failure, ok ? "ok\n" : "not ok\n");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
