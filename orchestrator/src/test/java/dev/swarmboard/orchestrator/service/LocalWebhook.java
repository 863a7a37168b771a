package dev.swarmboard.orchestrator.service;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;

/**
 * A webhook receiver on a local port: records each POST body and answers with the status the
 * given function returns for the call's number (1 for the first). Its URL carries a secret path
 * segment and a query token, which tests look for on topics and in logs.
 */
final class LocalWebhook implements AutoCloseable {

    static final String SECRET_PATH = "T0SECRET";

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final String token = "tok-" + UUID.randomUUID();

    LocalWebhook(IntUnaryOperator statusOfCall) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(statusOfCall.applyAsInt(bodies.size()), -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + SECRET_PATH + "?token=" + token;
    }

    String token() {
        return token;
    }

    int calls() {
        return bodies.size();
    }

    List<String> bodies() {
        return List.copyOf(bodies);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
