package dev.swarmboard.cli;

import dev.swarmboard.localkafka.LocalKafka;
import dev.swarmboard.localkafka.LocalKafkaConfig;
import dev.swarmboard.service.ServiceRunner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code swarm broker}: a real single-node (or three-node) KRaft broker on loopback until Ctrl-C. */
@Command(name = "broker", description = "Start a real Kafka broker (KRaft) on 127.0.0.1 and keep it running until Ctrl-C.")
final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "0", description = "Client port; 0 picks a free one (default).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the log here across restarts (default: a temporary directory deleted on exit).")
    Path dataDir;

    @Option(names = "--nodes", defaultValue = "1", description = "1 (default) or 3 combined KRaft nodes.")
    int nodes;

    @Mixin
    StartupTimeoutOption startup;

    @Override
    public Integer call() throws InterruptedException {
        LocalKafkaConfig config = LocalKafkaConfig.defaults().withPort(port).withNodes(nodes)
                .withStartupTimeout(startup.resolve(System.getenv()));
        if (dataDir != null) {
            config = config.withDataDir(dataDir.toAbsolutePath());
        }
        try (ServiceRunner runner = new ServiceRunner().withShutdownHook()) {
            LocalKafka kafka = runner.manage(new LocalKafka(config).start());
            System.out.println("bootstrap=" + kafka.bootstrapServers());
            System.out.println("data-dir=" + kafka.dataDir());
            System.out.flush();
            runner.awaitStop();
        }
        return 0;
    }
}
