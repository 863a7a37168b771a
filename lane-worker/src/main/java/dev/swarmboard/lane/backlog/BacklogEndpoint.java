package dev.swarmboard.lane.backlog;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.swarmboard.lane.service.LaneWorkerConfig;
import dev.swarmboard.service.HealthServer;
import dev.swarmboard.service.SwarmService;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the lane workers' {@link Backlog} on a health server: {@code GET /backlog} as JSON for KEDA's
 * {@code metrics-api} trigger (503 with the reason while Kafka cannot be asked, so KEDA's fallback
 * applies), and the gauges for {@code /metrics}. It runs beside a lane worker, or alone as
 * {@code swarm run backlog}, which keeps answering while the workers are scaled to zero.
 */
public final class BacklogEndpoint implements SwarmService {

    private static final Logger LOG = LoggerFactory.getLogger(BacklogEndpoint.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> clientProperties;
    private final String group;
    private final String topic;
    private Admin admin;
    private ShareGroupBacklog backlog;

    public BacklogEndpoint(Map<String, Object> clientProperties, String group, String topic) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.group = group;
        this.topic = topic;
    }

    /** The endpoint for the share group and topic the lane workers of this environment use. */
    public static BacklogEndpoint fromEnvironment(Map<String, String> env) {
        LaneWorkerConfig config = LaneWorkerConfig.fromEnvironment(env);
        return new BacklogEndpoint(config.common().clientProperties(env), config.groupId(),
                config.common().catalogue().laneTasks());
    }

    @Override
    public String name() {
        return "backlog";
    }

    @Override
    public synchronized void start() {
        if (admin == null) {
            admin = Admin.create(clientProperties);
            backlog = new ShareGroupBacklog(admin, group, topic, TIMEOUT);
        }
    }

    /** Adds {@code /backlog} to the server; call before it starts. */
    public HealthServer serveOn(HealthServer server) {
        return server.route("/backlog", this::reply);
    }

    /** The reply of {@code /backlog}: 200 and the JSON backlog, or 503 and the reason. */
    public synchronized HealthServer.Reply reply() {
        try {
            return new HealthServer.Reply(200, "application/json", measure().toJson());
        } catch (IllegalStateException e) {
            LOG.warn("{}", e.getMessage());
            return new HealthServer.Reply(503, "application/json",
                    "{\"error\":" + TextNode.valueOf(e.getMessage()) + "}\n");
        }
    }

    /** The backlog gauges for {@code /metrics}; nothing while Kafka cannot be asked (the scrape shows the gap). */
    public synchronized String metrics() {
        try {
            return measure().toPrometheus();
        } catch (IllegalStateException e) {
            LOG.warn("{}", e.getMessage());
            return "";
        }
    }

    private Backlog measure() {
        if (backlog == null) {
            throw new IllegalStateException("backlog endpoint of " + group + " is not started");
        }
        return backlog.measure();
    }

    @Override
    public synchronized void stop() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
            backlog = null;
        }
    }

    @Override
    public synchronized boolean isHealthy() {
        return admin != null;
    }
}
