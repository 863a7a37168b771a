package dev.swarmboard.cli;

import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.cli.stack.StackKeys;
import dev.swarmboard.cli.stack.StackSettings;
import dev.swarmboard.cli.stack.SwarmStack;
import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.localkafka.LocalKafka;
import dev.swarmboard.localkafka.LocalKafkaConfig;
import dev.swarmboard.service.HealthServer;
import dev.swarmboard.service.ServiceRunner;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.console.ConsoleServer;
import dev.swarmboard.console.ConsoleSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code swarm up}: the embedded broker and every service, kept running for local work until
 * Ctrl-C; a restart with the same data directory finds every event. {@code SWARM_HEALTH_PORT} serves
 * {@code /healthy}, {@code /ready}, {@code /metrics} and {@code /backlog} for the whole stack.
 */
@Command(name = "up", description = "Start the embedded broker and all services; run until Ctrl-C.")
final class UpCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "9092", description = "Broker client port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = "data/up", paramLabel = "DIR", description = "Broker log and state (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--workers", defaultValue = "2", description = "Lane worker instances (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--capabilities", defaultValue = "examples/capabilities/offline.yaml", paramLabel = "FILE",
            description = "Capability registry the services run with (default ${DEFAULT-VALUE}).")
    Path capabilities;

    @Option(names = "--workflows", paramLabel = "DIR", description = "Workflow directory (default: built-in prey).")
    Path workflows;

    @Option(names = "--reports", defaultValue = "reports", paramLabel = "DIR",
            description = "Where the digest writes its reports (default ${DEFAULT-VALUE}).")
    Path reports;

    @Option(names = "--console-port", defaultValue = "" + ConsoleSettings.DEFAULT_PORT,
            description = "Port of the web console on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 = any free port, -1 = off).")
    int consolePort;

    @Mixin
    StartupTimeoutOption startup;

    @Override
    public Integer call() throws InterruptedException {
        try (ServiceRunner runner = new ServiceRunner().withShutdownHook()) {
            LocalKafka kafka = runner.manage(new LocalKafka(LocalKafkaConfig.defaults().withPort(port)
                    .withDataDir(dataDir.toAbsolutePath()).withStartupTimeout(startup.resolve(System.getenv()))).start());
            BlackboardSetup.provision(Map.of("bootstrap.servers", kafka.bootstrapServers()), TopicCatalogue.defaults());
            StackSettings settings = new StackSettings(kafka.bootstrapServers(), dataDir.toAbsolutePath(), capabilities,
                    workflows, reports, workers);
            StackKeys keys = StackKeys.ensure(dataDir.toAbsolutePath().resolve("keys"));
            SwarmStack stack = runner.manage(SwarmStack.start(settings.environment(System.getenv()), workers, keys));
            System.out.println("bootstrap=" + kafka.bootstrapServers());
            System.out.println("signing ON: each service signs with its key in " + keys.dir() + "; facts checked against "
                    + keys.trustFile() + " (pass it to swarm replay --trust-file)");
            int healthPort = CommonConfig.HEALTH_PORT.resolve(System.getenv());
            if (healthPort >= 0) {
                HealthServer health = stack.serveHealth(healthPort);
                System.out.println("metrics=http://127.0.0.1:" + health.port() + "/metrics");
            }
            if (consolePort >= 0) {
                Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
                ConsoleServer console = runner.manage(ConsoleServer.start(ConsoleSettings.loopback(consolePort), client,
                        TopicCatalogue.defaults(), BlackboardSetup.prepare(client, TopicCatalogue.defaults()),
                        Duration.ofSeconds(30)));
                System.out.println("console=" + console.url());
            }
            System.out.println("swarm up: broker and services running (data " + kafka.dataDir() + "); Ctrl-C stops them.");
            System.out.println("  in another terminal:  KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers()
                    + " ./swarm submit examples/missions/demo.yaml --wait");
            // Ctrl-C closes the stack through the runner's hook (0); a dead service loop ends it (70).
            return stack.awaitStop();
        }
    }
}
