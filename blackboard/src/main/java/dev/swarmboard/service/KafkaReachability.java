package dev.swarmboard.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connectivity monitor of a process: a {@code describeCluster} probe every few seconds with
 * a short timeout. It logs one WARN line when the cluster becomes unreachable and one INFO line when
 * it is back, and {@link #reachable()} feeds {@code /ready}.
 */
public final class KafkaReachability implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaReachability.class);
    public static final Duration PERIOD = Duration.ofSeconds(2);
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;
    private final String bootstrap;
    private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor(
            runnable -> {
                Thread thread = new Thread(runnable, "swarm-kafka-probe");
                thread.setDaemon(true);
                return thread;
            });
    private volatile boolean reachable = true;

    private KafkaReachability(Map<String, Object> clientProperties) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "swarm-kafka-probe");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        // Probe a restarted broker at once instead of after the default reconnect back-off of a second and more.
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.admin = Admin.create(properties);
        this.bootstrap = String.valueOf(clientProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    /** Starts probing; the first probe runs at once. */
    public static KafkaReachability start(Map<String, Object> clientProperties) {
        KafkaReachability monitor = new KafkaReachability(clientProperties);
        monitor.probes.scheduleWithFixedDelay(monitor::probe, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return monitor;
    }

    /** False from the first failed probe until the next successful one. */
    public boolean reachable() {
        return reachable;
    }

    private void probe() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
                    .nodes().get(PROBE_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
            if (!reachable) {
                LOG.info("Kafka at {} is reachable again", bootstrap);
            }
            reachable = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (reachable) {
                LOG.warn("Kafka at {} is unreachable: no answer to describeCluster within {} s ({})", bootstrap,
                        PROBE_TIMEOUT.toSeconds(), cause(e));
            }
            reachable = false;
        }
    }

    static String cause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public void close() {
        probes.shutdownNow();
        admin.close(Duration.ofSeconds(1));
    }
}
