package dev.swarmboard.lane.service;

import dev.swarmboard.lane.backlog.BacklogEndpoint;
import dev.swarmboard.service.HealthServer;
import dev.swarmboard.service.ServiceRunner;
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
        int healthPort = LaneWorkerConfig.fromEnvironment(System.getenv()).common().healthPort();
        try (ServiceRunner runner = new ServiceRunner().withShutdownHook()) {
            runner.start(service);
            if (healthPort >= 0) {
                BacklogEndpoint backlog = runner.start(BacklogEndpoint.fromEnvironment(System.getenv()));
                HealthServer health = runner.manage(new HealthServer(healthPort, List.of(service, backlog),
                        backlog::metrics));
                backlog.serveOn(health).start();
                LOG.info("health on port {}", health.port());
            }
            runner.awaitStop();
        }
    }
}
