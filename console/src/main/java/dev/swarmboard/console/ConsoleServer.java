package dev.swarmboard.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.console.view.MissionView;
import dev.swarmboard.orchestrator.mission.CommandAnswer;
import dev.swarmboard.orchestrator.mission.MissionDecisions;
import dev.swarmboard.topic.TopicCatalogue;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The console's HTTP side, on Javalin: the page (static HTML, JS and CSS from the jar), a JSON API
 * of missions, one server-sent event stream per mission (and one for the list) pushing each new
 * view, and approve/cancel, which send the same commands as the CLI and answer with the
 * orchestrator's answer. Every request needs the token when one is set; a decision must be a JSON
 * POST from the console's own origin (a cross-site form cannot send one).
 */
public final class ConsoleServer implements AutoCloseable {

    static final String ISSUER = System.getProperty("user.name", "unknown") + "@swarm-console";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Javalin app;
    private final BlackboardFeed feed;
    private final ConsoleSettings settings;

    private ConsoleServer(Javalin app, BlackboardFeed feed, ConsoleSettings settings) {
        this.app = app;
        this.feed = feed;
        this.settings = settings;
    }

    /** Starts the feed from the start of the blackboard and the HTTP server; topics must exist. */
    public static ConsoleServer start(ConsoleSettings settings, Map<String, Object> clientProperties,
                                      TopicCatalogue catalogue, Codecs codecs, Duration answerTimeout) {
        MissionBoard board = new MissionBoard();
        BlackboardFeed feed = new BlackboardFeed(clientProperties, catalogue.blackboard(), codecs.events().codec(),
                board).start();
        MissionDecisions decisions = new MissionDecisions(clientProperties, catalogue, codecs, answerTimeout);
        try {
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.jetty.host = settings.bind();
                config.jetty.port = settings.port();
                config.staticFiles.add(files -> {
                    files.hostedPath = "/";
                    files.directory = "/console";
                    files.location = Location.CLASSPATH;
                });
                config.routes.before(ctx -> guard(ctx, settings.token()));
                config.routes.get("/api/missions", ctx -> json(ctx, board.missions()));
                config.routes.get("/api/missions/{id}", ctx -> json(ctx, board.mission(ctx.pathParam("id"))
                        .orElseThrow(() -> new NotFoundResponse("no mission " + ctx.pathParam("id")))));
                config.routes.sse("/api/stream", client -> stream(client, board, null));
                config.routes.sse("/api/missions/{id}/stream", client -> stream(client, board,
                        client.ctx().pathParam("id")));
                config.routes.post("/api/missions/{id}/approve", ctx -> answer(ctx, decisions.approve(ISSUER,
                        ctx.pathParam("id"), text(ctx, "planId"), text(ctx, "note")), decisions));
                config.routes.post("/api/missions/{id}/cancel", ctx -> answer(ctx, decisions.cancel(ISSUER,
                        ctx.pathParam("id"), required(ctx, "reason")), decisions));
            }).start();
            return new ConsoleServer(app, feed, settings);
        } catch (RuntimeException e) {
            feed.close();
            throw e;
        }
    }

    private static void guard(Context ctx, Optional<String> token) {
        ctx.header("Content-Security-Policy", "default-src 'self'; object-src 'none'; frame-ancestors 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (token.isPresent()) {
            String given = Optional.ofNullable(ctx.header("Authorization")).filter(h -> h.startsWith("Bearer "))
                    .map(h -> h.substring("Bearer ".length())).orElseGet(() -> ctx.queryParam("token"));
            if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                    token.get().getBytes(StandardCharsets.UTF_8))) {
                throw new UnauthorizedResponse("this console needs its token (?token=…)");
            }
        }
        if ("POST".equals(ctx.method().name())) {
            String origin = ctx.header("Origin");
            if (origin != null && !origin.endsWith("//" + ctx.host())) {
                throw new ForbiddenResponse("a decision must come from the console's own page");
            }
            if (!String.valueOf(ctx.contentType()).startsWith("application/json")) {
                throw new BadRequestResponse("a decision is a JSON body");
            }
        }
    }

    private static void stream(SseClient client, MissionBoard board, String missionId) {
        client.keepAlive();
        Runnable stop = board.listen(view -> {
            if (missionId == null || missionId.equals(view.missionId())) {
                send(client, missionId == null ? "missions" : "mission", missionId == null ? board.missions() : view);
            }
        });
        client.onClose(stop);
        if (missionId == null) {
            send(client, "missions", board.missions());
        } else {
            board.mission(missionId).ifPresent(view -> send(client, "mission", view));
        }
    }

    private static void send(SseClient client, String event, Object value) {
        if (!client.terminated()) {
            client.sendEvent(event, write(value));
        }
    }

    private static void answer(Context ctx, Optional<CommandAnswer> answer, MissionDecisions decisions) {
        if (answer.isEmpty()) {
            ctx.status(504);
            json(ctx, Map.of("accepted", false, "type", "", "detail", "no answer from the orchestrator within "
                    + decisions.timeout().toSeconds() + " s"));
            return;
        }
        ctx.status(answer.get().accepted() ? 200 : 409);
        json(ctx, answer.get());
    }

    private static String text(Context ctx, String field) {
        JsonNode value = body(ctx).get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String required(Context ctx, String field) {
        String value = text(ctx, field);
        if (value.isBlank()) {
            throw new BadRequestResponse(field + " is required");
        }
        return value;
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = JSON.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new BadRequestResponse("the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static void json(Context ctx, Object value) {
        ctx.contentType("application/json").result(write(value));
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The URL a person opens (append {@code ?token=…} when a token is set; it is never printed). */
    public String url() {
        String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
        return "http://" + host + ":" + app.port() + "/";
    }

    public int port() {
        return app.port();
    }

    /** True while the blackboard feed runs. */
    public boolean healthy() {
        return feed.alive();
    }

    @Override
    public void close() {
        app.stop();
        feed.close();
    }
}
