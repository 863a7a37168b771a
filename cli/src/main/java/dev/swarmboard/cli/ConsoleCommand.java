package dev.swarmboard.cli;

import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.console.ConsoleServer;
import dev.swarmboard.console.ConsoleSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code swarm console}: the web console against a cluster until Ctrl-C. Loopback by default; any
 * other bind address needs {@code --token}.
 */
@Command(name = "console", description = "Serve the web console: missions, a live lanes x stages timeline, approvals.")
final class ConsoleCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--port", defaultValue = "" + ConsoleSettings.DEFAULT_PORT,
            description = "HTTP port (default ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--bind", defaultValue = ConsoleSettings.DEFAULT_BIND, paramLabel = "ADDR",
            description = "Address to listen on (default ${DEFAULT-VALUE}); any non-loopback address needs --token.")
    String bind;

    @Option(names = "--token", paramLabel = "T",
            description = "Token every request must carry (?token=T or Authorization: Bearer T); required off loopback.")
    String token;

    @Option(names = "--answer-timeout", defaultValue = "30", paramLabel = "S",
            description = "Seconds an approve or cancel waits for the orchestrator's answer (default ${DEFAULT-VALUE}).")
    long answerSeconds;

    @Override
    public Integer call() throws InterruptedException {
        ConsoleSettings settings;
        try {
            settings = new ConsoleSettings(bind, port, Optional.ofNullable(token));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Map<String, Object> client = kafka.clientProperties();
        CountDownLatch stopped = new CountDownLatch(1);
        try (ConsoleServer console = ConsoleServer.start(settings, client, kafka.common().catalogue(),
                BlackboardSetup.prepare(client, kafka.common().catalogue()), Duration.ofSeconds(answerSeconds))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "swarm-console-stop"));
            System.out.println("console=" + console.url() + (settings.token().isPresent() ? " (add ?token=…)" : ""));
            stopped.await();
        }
        return 0;
    }
}
