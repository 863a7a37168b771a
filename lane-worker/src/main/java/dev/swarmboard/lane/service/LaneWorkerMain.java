package dev.swarmboard.lane.service;

import dev.swarmboard.lane.backlog.BacklogEndpoint;
import dev.swarmboard.service.HealthServer;
import dev.swarmboard.service.ServiceRunner;
import dev.swarmboard.service.SwarmService;
import dev.swarmboard.telemetry.SwarmMetrics;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lane-worker process configured only by the environment ({@code SWARM_*}, {@code KAFKA_*}): starts the
 * service, and the health server (with the share group's {@code /backlog}) when {@code SWARM_HEALTH_PORT} is
 * set, and runs until SIGTERM. Tests and
 * the benchmark start it as a separate JVM; {@code swarm run lane-worker} is the same with flags.
 */
public final class LaneWorkerMain {

    private static final Logger LOG = LoggerFactory.getLogger(LaneWorkerMain.class);

    private LaneWorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LaneWorkerService service = LaneWorkerService.fromEnvironment(System.getenv());
        LaneWorkerConfig config = LaneWorkerConfig.fromEnvironment(System.getenv());
        int healthPort = config.common().healthPort();
        int status;
        try (ServiceRunner runner = new ServiceRunner().withShutdownHook()) {
            List<SwarmService> services = new ArrayList<>(List.of(service));
            BacklogEndpoint backlog = BacklogEndpoint.fromEnvironment(System.getenv());
            // Bound first: a taken port fails before any Kafka client exists.
            HealthServer health = healthPort < 0 ? null : runner.manage(new HealthServer(healthPort, services,
                    runner::kafkaReachable, () -> SwarmMetrics.scrape() + backlog.metrics()));
            runner.watchKafka(config.common().clientProperties(System.getenv()));
            runner.start(service);
            if (health != null) {
                services.add(runner.start(backlog));
                backlog.serveOn(health).start();
                LOG.info("health on port {}", health.port());
            }
            status = runner.awaitStop();
        }
        System.exit(status);
    }
}
