package dev.swarmboard.localkafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a {@link LocalKafka}: the host it binds and advertises, the first broker port (0 picks free
 * ports at every start), the data directory (null means a temporary one deleted on stop) and the number of
 * combined broker+controller nodes (1, or 3 for a quorum that survives the loss of one node).
 *
 * @param host           address every listener binds and brokers advertise
 * @param port           first broker port; node {@code i} listens on {@code port + i}; 0 picks free ports
 * @param dataDir        directory holding one {@code node-N} folder per node; null for a temporary one
 * @param nodes          number of combined nodes: 1 or 3
 * @param startupTimeout how long {@link LocalKafka#start()} may take before it gives up
 * @param security       SASL_SSL SCRAM-SHA-512 listeners with these users and ACLs enforced; null for PLAINTEXT
 */
public record LocalKafkaConfig(String host, int port, Path dataDir, int nodes, Duration startupTimeout,
                               SecureUsers security) {

    /** Loopback only: a local broker is never meant to be reachable from other machines. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** Generous for a 2-core machine starting three nodes next to a build. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(180);

    private static final int MAX_PORT = 65_535;

    /** Checks every field, so a bad value fails here and not deep inside Kafka. */
    public LocalKafkaConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        if (nodes != 1 && nodes != 3) {
            throw new IllegalArgumentException("nodes must be 1 or 3, was " + nodes);
        }
        if (port < 0 || port + nodes - 1 > MAX_PORT) {
            throw new IllegalArgumentException("port must be 0 (pick free ports) or leave room for "
                    + nodes + " broker port(s) up to " + MAX_PORT + ", was " + port);
        }
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive, was " + startupTimeout);
        }
    }

    /** A PLAINTEXT cluster: every client may do anything, as on a developer's machine. */
    public LocalKafkaConfig(String host, int port, Path dataDir, int nodes, Duration startupTimeout) {
        this(host, port, dataDir, nodes, startupTimeout, null);
    }

    /** One node on 127.0.0.1, free ports, a temporary data directory, PLAINTEXT. */
    public static LocalKafkaConfig defaults() {
        return new LocalKafkaConfig(DEFAULT_HOST, 0, null, 1, DEFAULT_STARTUP_TIMEOUT);
    }

    /**
     * The same configuration with SASL_SSL SCRAM-SHA-512 client listeners, the standard authorizer and a
     * SCRAM credential for each of {@code newSecurity}'s users; null goes back to PLAINTEXT.
     */
    public LocalKafkaConfig withSecurity(SecureUsers newSecurity) {
        return new LocalKafkaConfig(host, port, dataDir, nodes, startupTimeout, newSecurity);
    }

    /** True when clients must authenticate over TLS and the authorizer enforces ACLs. */
    public boolean secure() {
        return security != null;
    }

    /** The same configuration with another first broker port; 0 picks free ports. */
    public LocalKafkaConfig withPort(int newPort) {
        return new LocalKafkaConfig(host, newPort, dataDir, nodes, startupTimeout, security);
    }

    /** The same configuration keeping its data in {@code newDataDir}, so a restart keeps every event. */
    public LocalKafkaConfig withDataDir(Path newDataDir) {
        return new LocalKafkaConfig(host, port, newDataDir, nodes, startupTimeout, security);
    }

    /** The same configuration giving {@link LocalKafka#start()} another time limit. */
    public LocalKafkaConfig withStartupTimeout(Duration newStartupTimeout) {
        return new LocalKafkaConfig(host, port, dataDir, nodes, newStartupTimeout, security);
    }

    /** The same configuration with another number of nodes (1 or 3). */
    public LocalKafkaConfig withNodes(int newNodes) {
        return new LocalKafkaConfig(host, port, dataDir, newNodes, startupTimeout, security);
    }

    /** True when the data outlives {@link LocalKafka#stop()}. */
    public boolean persistent() {
        return dataDir != null;
    }
}
