package dev.swarmboard.cli.stack;

import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.digest.service.DigestConfig;
import dev.swarmboard.digest.service.DigestService;
import dev.swarmboard.lane.service.LaneWorkerService;
import dev.swarmboard.orchestrator.service.OrchestratorService;
import dev.swarmboard.service.ServiceRunner;
import dev.swarmboard.service.SwarmService;
import dev.swarmboard.signing.SignerRole;
import dev.swarmboard.verifier.service.VerifierConfig;
import dev.swarmboard.verifier.service.VerifierService;
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

    private SwarmStack(ServiceRunner runner, List<SwarmService> services) {
        this.runner = runner;
        this.services = services;
    }

    /** Starts the services unsigned; {@code env} carries bootstrap servers and every service setting. */
    public static SwarmStack start(Map<String, String> env, int laneWorkers) {
        return start(env, laneWorkers, StackKeys.NONE);
    }

    /** Starts the services, each signing with its key in {@code keys}. */
    public static SwarmStack start(Map<String, String> env, int laneWorkers, StackKeys keys) {
        ServiceRunner runner = new ServiceRunner();
        List<SwarmService> services = new ArrayList<>();
        try {
            services.add(runner.start(new VerifierService(VerifierConfig.fromEnvironment(
                    keys.environment(env, SignerRole.VERIFIER)))));
            services.add(runner.start(new DigestService(DigestConfig.fromEnvironment(
                    keys.environment(env, SignerRole.DIGEST)))));
            services.add(runner.start(OrchestratorService.fromEnvironment(keys.environment(env, SignerRole.ORCHESTRATOR))));
            String instance = CommonConfig.fromEnvironment(env).instanceId();
            for (int i = 1; i <= laneWorkers; i++) {
                Map<String, String> workerEnv = new HashMap<>(keys.environment(env, SignerRole.LANE_WORKER));
                workerEnv.put(CommonConfig.INSTANCE_ID.env(), instance + "-w" + i);
                services.add(runner.start(LaneWorkerService.fromEnvironment(workerEnv)));
            }
        } catch (RuntimeException e) {
            runner.stop();
            throw e;
        }
        return new SwarmStack(runner, services);
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
