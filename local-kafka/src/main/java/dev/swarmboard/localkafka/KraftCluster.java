package dev.swarmboard.localkafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import kafka.server.KafkaConfig;

/**
 * The nodes of one local cluster. They start together, because a broker only finishes starting once a
 * majority of controllers runs; they stop brokers first, so every controlled shutdown is granted while the
 * quorum still stands, and controllers last. One node can also be stopped and started again alone (a
 * rolling bounce) while the others keep the quorum.
 */
final class KraftCluster {

    /** Bounds each broker's wait for the controller's permission to shut down. */
    private static final Duration BROKER_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = BROKER_SHUTDOWN_TIMEOUT.plusSeconds(30);

    private final List<KafkaConfig> configs;
    /** The running node at each index, or null while that node is stopped alone. */
    private final List<KraftNode> nodes;

    private KraftCluster(List<KafkaConfig> configs) {
        this.configs = List.copyOf(configs);
        this.nodes = new ArrayList<>(configs.stream().map(KraftNode::new).toList());
    }

    static KraftCluster start(List<KafkaConfig> configs, Duration timeout) {
        KraftCluster cluster = new KraftCluster(configs);
        try {
            cluster.onEveryNode("start", KraftNode::startup, timeout);
        } catch (RuntimeException e) {
            cluster.stop();
            throw e;
        }
        return cluster;
    }

    void stop() {
        try {
            onEveryNode("stop broker", node -> node.shutdownBroker(BROKER_SHUTDOWN_TIMEOUT), STOP_TIMEOUT);
        } finally {
            onEveryNode("stop controller", KraftNode::shutdownController, STOP_TIMEOUT);
        }
    }

    /** Stops node {@code index} alone (its broker controlled, then its controller); the others keep running. */
    synchronized void stopNode(int index) {
        KraftNode node = nodes.get(index);
        if (node == null) {
            throw new IllegalStateException("node " + index + " is already stopped");
        }
        nodes.set(index, null);
        node.shutdownBroker(BROKER_SHUTDOWN_TIMEOUT);
        node.shutdownController();
    }

    /** Starts a node stopped by {@link #stopNode} again on its own data and ports; blocks until it is unfenced. */
    synchronized void startNode(int index) {
        if (nodes.get(index) != null) {
            throw new IllegalStateException("node " + index + " is running");
        }
        KraftNode node = new KraftNode(configs.get(index));
        node.startup();
        nodes.set(index, node);
    }

    /** Runs {@code step} on all running nodes at once and fails as soon as one of them fails. */
    private void onEveryNode(String step, Consumer<KraftNode> action, Duration timeout) {
        List<KraftNode> running = running();
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, running.size()), task -> {
            Thread thread = new Thread(task, "local-kafka-" + step.replace(' ', '-'));
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> steps = running.stream()
                    .map(node -> CompletableFuture.runAsync(() -> action.accept(node), executor))
                    .toList();
            CompletableFuture<Void> all = CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new));
            steps.forEach(one -> one.whenComplete((ignored, error) -> {
                if (error != null) {
                    all.completeExceptionally(error);
                }
            }));
            all.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new LocalKafkaException("Kafka node failed to " + step + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new LocalKafkaException("Kafka nodes did not " + step + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalKafkaException("Interrupted while waiting for Kafka nodes to " + step, e);
        } finally {
            executor.shutdown();
        }
    }

    private synchronized List<KraftNode> running() {
        return nodes.stream().filter(Objects::nonNull).toList();
    }
}
