package dev.swarmboard.cli.stack;

import dev.swarmboard.acl.ServiceRole;
import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.digest.service.DigestService;
import dev.swarmboard.lane.backlog.BacklogEndpoint;
import dev.swarmboard.lane.service.LaneWorkerService;
import dev.swarmboard.orchestrator.service.OrchestratorService;
import dev.swarmboard.service.HealthServer;
import dev.swarmboard.service.ServiceRunner;
import dev.swarmboard.service.SwarmService;
import dev.swarmboard.signing.SignerRole;
import dev.swarmboard.telemetry.SwarmMetrics;
import dev.swarmboard.verifier.service.VerifierService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Swarmboard service in one JVM — the same service classes {@code swarm run} starts one by
 * one against a cluster: verifier, digest, orchestrator and N lane workers, configured from one
 * environment map, stopped in reverse order. With {@link StackKeys} each service signs with its own key
 * and checks every fact against the stack's trust file.
 */
public final class SwarmStack implements AutoCloseable {

    private final ServiceRunner runner;
    private final List<SwarmService> services;
    private final Map<String, String> env;

    private SwarmStack(ServiceRunner runner, List<SwarmService> services, Map<String, String> env) {
        this.runner = runner;
        this.services = services;
        this.env = Map.copyOf(env);
    }

    /** Starts the services unsigned; {@code env} carries bootstrap servers and every service setting. */
    public static SwarmStack start(Map<String, String> env, int laneWorkers) {
        return start(env, laneWorkers, StackKeys.NONE);
    }

    /** Starts the services, each signing with its key in {@code keys}. */
    public static SwarmStack start(Map<String, String> env, int laneWorkers, StackKeys keys) {
        return start(env, laneWorkers, keys, Map.of());
    }

    /**
     * Starts the services, each signing with its key in {@code keys} and each with its own client
     * configuration file where {@code kafkaConfigs} names one (on a secured cluster: each logs in as its
     * own user and is held to its own ACLs).
     */
    public static SwarmStack start(Map<String, String> env, int laneWorkers, StackKeys keys,
                                   Map<ServiceRole, Path> kafkaConfigs) {
        ServiceRunner runner = new ServiceRunner();
        List<SwarmService> services = new ArrayList<>();
        try {
            services.add(runner.start(VerifierService.fromEnvironment(
                    as(ServiceRole.VERIFIER, SignerRole.VERIFIER, env, keys, kafkaConfigs))));
            services.add(runner.start(DigestService.fromEnvironment(
                    as(ServiceRole.DIGEST, SignerRole.DIGEST, env, keys, kafkaConfigs))));
            services.add(runner.start(OrchestratorService.fromEnvironment(
                    as(ServiceRole.ORCHESTRATOR, SignerRole.ORCHESTRATOR, env, keys, kafkaConfigs))));
            String instance = CommonConfig.fromEnvironment(env).instanceId();
            for (int i = 1; i <= laneWorkers; i++) {
                Map<String, String> workerEnv = as(ServiceRole.LANE_WORKER, SignerRole.LANE_WORKER, env, keys,
                        kafkaConfigs);
                workerEnv.put(CommonConfig.INSTANCE_ID.env(), instance + "-w" + i);
                services.add(runner.start(LaneWorkerService.fromEnvironment(workerEnv)));
            }
        } catch (RuntimeException e) {
            runner.stop();
            throw e;
        }
        return new SwarmStack(runner, services, env);
    }

    /**
     * Serves {@code /healthy}, {@code /ready}, {@code /metrics} (every service's meters and the lane tasks'
     * share-group backlog) and {@code /backlog} on {@code port} (0: any free one) until the stack closes.
     */
    public HealthServer serveHealth(int port) {
        BacklogEndpoint backlog = runner.start(BacklogEndpoint.fromEnvironment(env));
        List<SwarmService> watched = new ArrayList<>(services);
        watched.add(backlog);
        HealthServer health = runner.manage(new HealthServer(port, watched, runner::kafkaReachable,
                () -> SwarmMetrics.scrape() + backlog.metrics()));
        return backlog.serveOn(health).start();
    }

    private static Map<String, String> as(ServiceRole role, SignerRole signer, Map<String, String> env,
                                          StackKeys keys, Map<ServiceRole, Path> configs) {
        Map<String, String> own = new HashMap<>(keys.environment(env, signer));
        if (configs.containsKey(role)) {
            own.put(CommonConfig.KAFKA_CONFIG.env(), configs.get(role).toString());
        }
        return own;
    }

    /** Waits until every service reports ready; false if that takes longer than {@code timeout}. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!services.stream().allMatch(SwarmService::isReady)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /**
     * Blocks until the stack is closed (0) or one of its services' loops dies, which stops them all
     * ({@link ServiceRunner#EXIT_SERVICE_FAILED}).
     */
    public int awaitStop() throws InterruptedException {
        return runner.awaitStop();
    }

    /** True while every service reports healthy. */
    public boolean healthy() {
        return services.stream().allMatch(SwarmService::isHealthy);
    }

    @Override
    public void close() {
        runner.stop();
    }
}
