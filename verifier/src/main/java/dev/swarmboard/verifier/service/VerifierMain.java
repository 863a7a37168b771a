package dev.swarmboard.verifier.service;

import dev.swarmboard.service.ServiceRunner;

/**
 * A verifier process configured only by the environment ({@code SWARM_*}, {@code KAFKA_*}): starts the
 * service and runs until SIGTERM. Tests start it as a separate JVM to kill it; {@code swarm run
 * verifier} is the same with flags and a health server.
 */
public final class VerifierMain {

    private VerifierMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        VerifierConfig config = VerifierConfig.fromEnvironment(System.getenv());
        VerifierService service = new VerifierService(config);
        int status;
        try (ServiceRunner runner = new ServiceRunner().withShutdownHook()) {
            runner.watchKafka(config.clientProperties());
            runner.start(service);
            status = runner.awaitStop();
        }
        System.exit(status);
    }
}
