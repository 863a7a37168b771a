package dev.swarmboard.cli;

import dev.swarmboard.acl.Principals;
import dev.swarmboard.acl.ServiceRole;
import dev.swarmboard.cli.secure.SecureCluster;
import dev.swarmboard.localkafka.LocalKafka;
import dev.swarmboard.localkafka.LocalKafkaConfig;
import dev.swarmboard.service.ServiceRunner;
import dev.swarmboard.topic.TopicCatalogue;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code swarm broker}: a real single-node (or three-node) KRaft broker on loopback until Ctrl-C. With
 * {@code --secure} clients must log in over TLS with SCRAM-SHA-512, one user per service, each held to the
 * ACLs {@code swarm acls} prints; the client configuration files it writes hold their passwords, so only
 * their paths are printed.
 */
@Command(name = "broker", description = "Start a real Kafka broker (KRaft) on 127.0.0.1 and keep it running until Ctrl-C.")
final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "0", description = "Client port; 0 picks a free one (default).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the log here across restarts (default: a temporary directory deleted on exit).")
    Path dataDir;

    @Option(names = "--nodes", defaultValue = "1", description = "1 (default) or 3 combined KRaft nodes.")
    int nodes;

    @Option(names = "--secure", description = "SASL_SSL SCRAM-SHA-512 listeners, ACLs enforced, one user per "
            + "service; prints the client configuration file of each (for --kafka-config).")
    boolean secure;

    @Option(names = "--topic-prefix", defaultValue = TopicCatalogue.DEFAULT_PREFIX, paramLabel = "PREFIX",
            description = "With --secure: the topic prefix whose ACLs are applied (default '${DEFAULT-VALUE}').")
    String topicPrefix;

    @Mixin
    PrincipalOptions principalOptions;

    @Mixin
    StartupTimeoutOption startup;

    @Override
    public Integer call() throws InterruptedException {
        Principals principals = principalOptions.resolve();
        LocalKafkaConfig config = LocalKafkaConfig.defaults().withPort(port).withNodes(nodes)
                .withStartupTimeout(startup.resolve(System.getenv()))
                .withSecurity(secure ? SecureCluster.users(principals) : null);
        if (dataDir != null) {
            config = config.withDataDir(dataDir.toAbsolutePath());
        }
        try (ServiceRunner runner = new ServiceRunner().withShutdownHook()) {
            LocalKafka kafka = runner.manage(new LocalKafka(config).start());
            System.out.println("bootstrap=" + kafka.bootstrapServers());
            System.out.println("data-dir=" + kafka.dataDir());
            if (secure) {
                printSecurity(kafka, principals);
            }
            System.out.flush();
            runner.awaitStop();
        }
        return 0;
    }

    private void printSecurity(LocalKafka kafka, Principals principals) {
        TopicCatalogue catalogue = TopicCatalogue.withPrefix(topicPrefix);
        int bindings = SecureCluster.applyAcls(kafka, principals, catalogue);
        Map<ServiceRole, Path> files = SecureCluster.writeClientConfigs(kafka, principals,
                kafka.dataDir().resolve("clients"));
        System.out.println("security=SASL_SSL SCRAM-SHA-512, ACLs enforced (" + bindings + " bindings for prefix '"
                + topicPrefix + "'; see swarm acls)");
        files.forEach((role, file) -> System.out.println("kafka-config." + role.id() + "=" + file));
        System.out.println("  e.g.  swarm topics --bootstrap " + kafka.bootstrapServers() + " --kafka-config "
                + files.get(ServiceRole.ADMIN));
    }
}
