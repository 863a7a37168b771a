package dev.swarmboard.localkafka;

import java.time.Duration;
import java.util.List;
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
 * quorum still stands, and controllers last.
 */
final class KraftCluster {

    /** Bounds each broker's wait for the controller's permission to shut down. */
    private static final Duration BROKER_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = BROKER_SHUTDOWN_TIMEOUT.plusSeconds(30);

    private final List<KraftNode> nodes;

    private KraftCluster(List<KraftNode> nodes) {
        this.nodes = nodes;
    }

    static KraftCluster start(List<KafkaConfig> configs, Duration timeout) {
        KraftCluster cluster = new KraftCluster(configs.stream().map(KraftNode::new).toList());
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

    /** Runs {@code step} on all nodes at once and fails as soon as one of them fails. */
    private void onEveryNode(String step, Consumer<KraftNode> action, Duration timeout) {
        ExecutorService executor = Executors.newFixedThreadPool(nodes.size(), task -> {
            Thread thread = new Thread(task, "local-kafka-" + step.replace(' ', '-'));
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> steps = nodes.stream()
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
}
