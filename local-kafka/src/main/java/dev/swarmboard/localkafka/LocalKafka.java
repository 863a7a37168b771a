package dev.swarmboard.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import kafka.server.KafkaConfig;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka cluster of combined KRaft nodes (broker and controller in one), running inside this
 * JVM and listening on loopback. {@link #start()} formats storage only on first use, so a restart on the same
 * data directory keeps every event, and returns once clients can write; {@link #stop()} shuts down cleanly.
 *
 * <pre>{@code
 * try (LocalKafka kafka = new LocalKafka(LocalKafkaConfig.defaults().withDataDir(dir)).start()) {
 *     System.out.println("bootstrap=" + kafka.bootstrapServers());
 * }
 * }</pre>
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);

    private final LocalKafkaConfig config;
    private Running running;

    /** What one start produced; gone after {@link #stop()}. Material is null on a PLAINTEXT cluster. */
    private record Running(Path dataDir, List<NodeSpec> nodes, String clusterId, KraftCluster cluster,
                           SecurityMaterial material) {
    }

    /** A stopped cluster; nothing happens until {@link #start()}. */
    public LocalKafka(LocalKafkaConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Formats storage if it is new, starts every node and waits until a replicated topic accepts writes.
     *
     * @return this, started
     * @throws LocalKafkaException   if Kafka does not come up within the configured startup timeout
     * @throws IllegalStateException if already started
     */
    public synchronized LocalKafka start() {
        if (running != null) {
            throw new IllegalStateException("LocalKafka is already running at " + bootstrapServers());
        }
        KafkaLogLevels.quietUnlessConfigured();
        long began = System.nanoTime();
        long deadline = began + config.startupTimeout().toNanos();
        Path dataDir = prepareDataDir();
        List<NodeSpec> nodes = NodeSpec.layout(config, dataDir, FreePorts.pick(config.host(), 2 * config.nodes()));
        String bootstrapServers = BrokerProperties.bootstrapServers(config.host(), nodes);
        try {
            SecurityMaterial material = config.secure()
                    ? SecurityMaterial.loadOrCreate(dataDir.resolve("security"), config.host(), config.security())
                    : null;
            List<KafkaConfig> kafkaConfigs = nodes.stream()
                    .map(node -> new KafkaConfig(nodeProperties(node, nodes, material)))
                    .toList();
            String clusterId = KraftStorage.formatIfNeeded(kafkaConfigs, material == null ? List.of()
                    : SecureProperties.scramArguments(config.security(), material));
            running = new Running(dataDir, nodes, clusterId,
                    KraftCluster.start(kafkaConfigs, config.startupTimeout()), material);
            Map<String, String> superUser = material == null ? Map.of()
                    : SecureProperties.client(config.security().superUser(), material);
            Readiness.await(bootstrapServers, superUser, config.nodes(), deadline);
            if (material != null) {
                Map<String, Object> admin = new HashMap<>(superUser);
                admin.put("bootstrap.servers", bootstrapServers);
                ScramUpserts.apply(admin, config.security(), material, deadline);
            }
        } catch (RuntimeException e) {
            stopQuietlyAfter(e, dataDir);
            throw e;
        }
        LOG.info("Kafka ready at {} in {} ms: {} node(s), cluster {}, {}, data in {}", bootstrapServers,
                (System.nanoTime() - began) / 1_000_000, config.nodes(), running.clusterId(),
                config.secure() ? "SASL_SSL SCRAM-SHA-512 with ACLs for " + config.security().all() : "PLAINTEXT",
                dataDir);
        return this;
    }

    private Map<String, String> nodeProperties(NodeSpec node, List<NodeSpec> nodes, SecurityMaterial material) {
        Map<String, String> props = BrokerProperties.of(config.host(), node, nodes, config.startupTimeout());
        return material == null ? props
                : SecureProperties.secure(props, config.host(), node, config.security(), material);
    }

    /**
     * The client settings of {@code user} on this cluster, {@code bootstrap.servers} included: on a secured
     * cluster SASL_SSL with that user's SCRAM credential and the cluster's truststore; on a PLAINTEXT one
     * only the bootstrap servers.
     *
     * @throws IllegalArgumentException if the cluster is secured and has no such user
     */
    public synchronized Map<String, String> clientProperties(String user) {
        Map<String, String> client = new LinkedHashMap<>();
        client.put("bootstrap.servers", bootstrapServers());
        if (running().material() != null) {
            client.putAll(SecureProperties.client(user, running().material()));
        }
        return client;
    }

    /**
     * Writes {@code <user>.properties} for every user of a secured cluster into {@code dir} (owner-only, since
     * they hold passwords), usable as any client's {@code --kafka-config}; returns each user's file. They hold
     * the security settings only: Swarmboard's commands take the bootstrap servers from {@code --bootstrap}
     * or {@code KAFKA_BOOTSTRAP_SERVERS}, which would override a file's.
     *
     * @throws IllegalStateException if the cluster is not secured
     */
    public synchronized Map<String, Path> writeClientConfigs(Path dir) {
        if (!config.secure()) {
            throw new IllegalStateException("a PLAINTEXT cluster needs no client configuration files");
        }
        Map<String, Path> files = new LinkedHashMap<>();
        try {
            Files.createDirectories(dir);
            for (String user : config.security().all()) {
                StringBuilder content = new StringBuilder("# Kafka client settings of user " + user + "\n");
                SecureProperties.client(user, running().material()).forEach((key, value) ->
                        content.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
                Path file = dir.resolve(user + ".properties");
                SecurityMaterial.writeSecret(file, content.toString());
                files.put(user, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write client configuration files into " + dir, e);
        }
        return files;
    }

    /** {@code host:port} of every broker, comma-separated, for {@code bootstrap.servers}. */
    public synchronized String bootstrapServers() {
        return BrokerProperties.bootstrapServers(config.host(), running().nodes());
    }

    /** The broker ports in node order; the first is the configured port, or a free one if that was 0. */
    public synchronized List<Integer> ports() {
        return running().nodes().stream().map(NodeSpec::brokerPort).toList();
    }

    /** The directory holding every node's data: the configured one, or a temporary one deleted on stop. */
    public synchronized Path dataDir() {
        return running().dataDir();
    }

    /** The id written at format time; the same after every restart on the same data directory. */
    public synchronized String clusterId() {
        return running().clusterId();
    }

    /**
     * Stops one node of a running cluster (its broker with a controlled shutdown, then its controller) while
     * the others keep serving: half of a rolling bounce. With three nodes the quorum and every topic with
     * {@code min.insync.replicas=2} stay available.
     *
     * @throws IllegalArgumentException if {@code index} is not a node of this cluster
     * @throws IllegalStateException    if not running, or that node is already stopped
     */
    public synchronized void stopNode(int index) {
        running().cluster().stopNode(checkedNode(index));
        LOG.info("Kafka node {} stopped; the other {} keep running", index, running().nodes().size() - 1);
    }

    /**
     * Starts a node stopped by {@link #stopNode} again, on the same data directory and ports, and returns
     * once its broker is unfenced.
     */
    public synchronized void startNode(int index) {
        running().cluster().startNode(checkedNode(index));
        LOG.info("Kafka node {} is back at {}", index, bootstrapServers().split(",")[index]);
    }

    private int checkedNode(int index) {
        int count = running().nodes().size();
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("node " + index + " is not one of this cluster's " + count + " nodes");
        }
        return index;
    }

    /** True between a successful {@link #start()} and {@link #stop()}. */
    public synchronized boolean isRunning() {
        return running != null;
    }

    /**
     * Shuts every broker down (controlled) and then every controller, and deletes a temporary data directory.
     * Does nothing if not running.
     */
    public synchronized void stop() {
        if (running == null) {
            return;
        }
        Running stopping = running;
        running = null;
        try {
            stopping.cluster().stop();
        } finally {
            deleteIfTemporary(stopping.dataDir());
        }
        LOG.info("Kafka stopped; cluster {}", stopping.clusterId());
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private Running running() {
        if (running == null) {
            throw new IllegalStateException("LocalKafka is not running");
        }
        return running;
    }

    private Path prepareDataDir() {
        try {
            return config.persistent()
                    ? Files.createDirectories(config.dataDir())
                    : Files.createTempDirectory("swarm-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare a Kafka data directory", e);
        }
    }

    private void stopQuietlyAfter(RuntimeException failure, Path dataDir) {
        try {
            if (running != null) {
                stop();
            } else {
                deleteIfTemporary(dataDir);
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void deleteIfTemporary(Path dataDir) {
        if (config.persistent()) {
            return;
        }
        try {
            Utils.delete(dataDir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete temporary Kafka data in " + dataDir, e);
        }
    }
}
