package dev.swarmboard.cli;

import dev.swarmboard.localkafka.LocalKafka;
import dev.swarmboard.localkafka.LocalKafkaConfig;

/** A broker for a command: the one named by a bootstrap address, or an embedded one started now. */
final class EmbeddedBroker implements AutoCloseable {

    private final LocalKafka started;
    private final String bootstrap;

    private EmbeddedBroker(LocalKafka started, String bootstrap) {
        this.started = started;
        this.bootstrap = bootstrap;
    }

    static EmbeddedBroker orExisting(String bootstrap) {
        if (bootstrap != null) {
            return new EmbeddedBroker(null, bootstrap);
        }
        LocalKafka kafka = new LocalKafka(LocalKafkaConfig.defaults()).start();
        return new EmbeddedBroker(kafka, kafka.bootstrapServers());
    }

    /** Whether the broker runs in this JVM (started here) rather than elsewhere. */
    boolean inThisJvm() {
        return started != null;
    }

    String bootstrapServers() {
        return bootstrap;
    }

    @Override
    public void close() {
        if (started != null) {
            started.stop();
        }
    }
}
