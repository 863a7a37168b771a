package dev.swarmboard.cli;

import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.config.KafkaPreflight;
import dev.swarmboard.digest.service.DigestConfig;
import dev.swarmboard.digest.service.DigestService;
import dev.swarmboard.lane.backlog.BacklogEndpoint;
import dev.swarmboard.lane.service.LaneWorkerConfig;
import dev.swarmboard.lane.service.LaneWorkerService;
import dev.swarmboard.orchestrator.service.OrchestratorConfig;
import dev.swarmboard.orchestrator.service.OrchestratorService;
import dev.swarmboard.service.HealthServer;
import dev.swarmboard.service.ServiceRunner;
import dev.swarmboard.service.SwarmService;
import dev.swarmboard.telemetry.SwarmMetrics;
import dev.swarmboard.verifier.service.VerifierConfig;
import dev.swarmboard.verifier.service.VerifierService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code swarm run SERVICE}: one service alone against a cluster, until SIGTERM or Ctrl-C. Flags
 * override the environment; {@code SWARM_HEALTH_PORT} opens /healthy, /ready and /metrics.
 */
@Command(name = "run", description = "Run one service alone against a Kafka cluster.",
        subcommands = {RunCommand.Orchestrator.class, RunCommand.LaneWorker.class, RunCommand.Verifier.class,
                RunCommand.Digest.class, RunCommand.Backlog.class})
final class RunCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * Binds the health port (before any Kafka client, so a taken port fences nobody), checks that
     * Kafka answers, starts the service and the connectivity monitor, and blocks until the JVM is
     * told to stop (0) or the service's loop dies ({@link ServiceRunner#EXIT_SERVICE_FAILED}).
     */
    static int runUntilStopped(Map<String, String> env, Function<Map<String, String>, SwarmService> factory)
            throws InterruptedException {
        return runUntilStopped(env, factory, false);
    }

    /** As above; with {@code serveBacklog} a {@link BacklogEndpoint} runs beside the service on its health port. */
    static int runUntilStopped(Map<String, String> env, Function<Map<String, String>, SwarmService> factory,
                               boolean serveBacklog) throws InterruptedException {
        CommonConfig common = CommonConfig.fromEnvironment(env);
        Map<String, Object> client = common.clientProperties(env);
        try (ServiceRunner runner = new ServiceRunner().withShutdownHook()) {
            List<SwarmService> services = new ArrayList<>();
            HealthServer health = common.healthPort() < 0 ? null : runner.manage(new HealthServer(common.healthPort(),
                    services, () -> runner.kafkaReachable(), () -> metrics(services)));
            Duration timeout = Duration.ofSeconds(KafkaPreflight.TIMEOUT_SECONDS.resolve(env));
            KafkaPreflight.check(KafkaPreflight.bounded(client, timeout), timeout);
            runner.watchKafka(client);
            services.add(runner.start(factory.apply(env)));
            if (serveBacklog) {
                BacklogEndpoint backlog = runner.start(BacklogEndpoint.fromEnvironment(env));
                services.add(backlog);
                if (health != null) {
                    backlog.serveOn(health);
                }
            }
            if (health != null) {
                health.start();
                System.err.println(services.get(0).name() + ": health on port " + health.port());
            }
            System.err.println(services.get(0).name() + " running against " + common.bootstrapServers()
                    + "; Ctrl-C stops it");
            return runner.awaitStop();
        }
    }

    /** The process's registry, then the share-group backlog gauges when a backlog endpoint runs here. */
    static String metrics(List<SwarmService> services) {
        StringBuilder text = new StringBuilder(SwarmMetrics.scrape());
        services.stream().filter(BacklogEndpoint.class::isInstance).map(BacklogEndpoint.class::cast)
                .forEach(backlog -> text.append(backlog.metrics()));
        return text.toString();
    }

    static void put(Map<String, String> env, String name, Object value) {
        if (value != null) {
            env.put(name, value.toString());
        }
    }

    @Command(name = "orchestrator", description = "Validate missions, plan lanes, handle approvals and retries.")
    static final class Orchestrator implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Option(names = "--capabilities", paramLabel = "FILE", description = "Capability registry (default: $SWARM_CAPABILITIES).")
        Path capabilities;

        @Option(names = "--workflows", paramLabel = "DIR", description = "Workflow directory (default: $SWARM_WORKFLOWS).")
        Path workflows;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, String> env = kafka.environment();
            put(env, OrchestratorConfig.CAPABILITIES.env(), capabilities);
            put(env, OrchestratorConfig.WORKFLOWS.env(), workflows);
            return runUntilStopped(env, OrchestratorService::fromEnvironment);
        }
    }

    @Command(name = "lane-worker", description = "Run lanes from the lane-tasks share group.")
    static final class LaneWorker implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Option(names = "--capabilities", paramLabel = "FILE", description = "Capability registry (default: $SWARM_CAPABILITIES).")
        Path capabilities;

        @Option(names = "--concurrency", paramLabel = "N", description = "Lanes run at once (default: $SWARM_LANE_CONCURRENCY, then 10).")
        Integer concurrency;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, String> env = kafka.environment();
            put(env, LaneWorkerConfig.CAPABILITIES.env(), capabilities);
            put(env, LaneWorkerConfig.CONCURRENCY.env(), concurrency);
            return runUntilStopped(env, LaneWorkerService::fromEnvironment, true);
        }
    }

    @Command(name = "verifier", description = "Run the Kafka Streams quorum verifier (exactly-once v2).")
    static final class Verifier implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Option(names = "--state-dir", paramLabel = "DIR", description = "State store directory (default: $SWARM_VERIFIER_STATE_DIR).")
        Path stateDir;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, String> env = kafka.environment();
            put(env, VerifierConfig.STATE_DIR.env(), stateDir);
            return runUntilStopped(env, VerifierService::fromEnvironment);
        }
    }

    @Command(name = "digest", description = "Publish the BLUF report of every mission that passes its quorum.")
    static final class Digest implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default: $SWARM_DIGEST_OUT).")
        Path out;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, String> env = kafka.environment();
            put(env, DigestConfig.OUTPUT_DIR.env(), out);
            return runUntilStopped(env, DigestService::fromEnvironment);
        }
    }

    @Command(name = "backlog", description = "Serve the lane tasks' share-group backlog on /backlog and /metrics"
            + " (for KEDA; answers while lane workers are scaled to zero).")
    static final class Backlog implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, String> env = kafka.environment();
            if (CommonConfig.HEALTH_PORT.resolve(env) < 0) {
                throw new UsageException("swarm run backlog needs SWARM_HEALTH_PORT: it serves /backlog there");
            }
            return runUntilStopped(env, BacklogEndpoint::fromEnvironment);
        }
    }
}
