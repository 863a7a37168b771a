package dev.swarmboard.service;

import dev.swarmboard.telemetry.SwarmMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts services in order, stops them in reverse order exactly once (on {@link #stop()} or from
 * one named JVM shutdown hook), and lets {@code main} wait until that has happened. The one rule for
 * a service whose loop dies: {@link #awaitStop()} notices within a second, logs one line naming the
 * service and the cause, stops everything and returns {@link #EXIT_SERVICE_FAILED}, so the process
 * exits non-zero and its supervisor restarts it; no process stays alive with a dead loop.
 */
public final class ServiceRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    /** Exit status of a process whose service loop died (sysexits' EX_SOFTWARE). */
    public static final int EXIT_SERVICE_FAILED = 70;
    private static final long WATCH_MILLIS = 500;

    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<SwarmService> services = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread shutdownHook = new Thread(this::stop, "swarm-shutdown");
    private boolean stopping;
    private KafkaReachability reachability;

    /** Registers the shutdown hook; call once before starting services. */
    public ServiceRunner withShutdownHook() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        return this;
    }

    /** Starts the process's one connectivity monitor (WARN when Kafka goes away, INFO when it is back). */
    public synchronized KafkaReachability watchKafka(Map<String, Object> clientProperties) {
        reachability = manage(KafkaReachability.start(clientProperties));
        return reachability;
    }

    /** What the connectivity monitor last saw; true when none was started. */
    public synchronized boolean kafkaReachable() {
        return reachability == null || reachability.reachable();
    }

    /** Starts the service, remembers it for stopping and adds its {@code swarm_service_healthy} gauge. */
    public synchronized <T extends SwarmService> T start(T service) {
        LOG.info("starting {}", service.name());
        started.add(service);
        services.add(service);
        service.start();
        SwarmMetrics.serviceHealth(service.name(), service::isHealthy);
        return service;
    }

    /** Remembers a resource (a broker, a health server) to close in reverse order. */
    public synchronized <T extends AutoCloseable> T manage(T resource) {
        started.add(resource);
        return resource;
    }

    public synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        for (int i = started.size() - 1; i >= 0; i--) {
            AutoCloseable resource = started.get(i);
            try {
                resource.close();
            } catch (Exception e) {
                LOG.error("error while stopping {}", resource, e);
            }
        }
        stopped.countDown();
    }

    /**
     * Blocks until {@link #stop()} ran (from another thread or the shutdown hook), returning 0, or
     * until a started service is no longer healthy, returning {@link #EXIT_SERVICE_FAILED}.
     */
    public int awaitStop() throws InterruptedException {
        while (!stopped.await(WATCH_MILLIS, TimeUnit.MILLISECONDS)) {
            Optional<SwarmService> failed = failedService();
            if (failed.isPresent()) {
                LOG.error("{} failed: {}; stopping with exit status {}", failed.get().name(), failed.get().failure(),
                        EXIT_SERVICE_FAILED);
                stop();
                return EXIT_SERVICE_FAILED;
            }
        }
        return 0;
    }

    private synchronized Optional<SwarmService> failedService() {
        return stopping ? Optional.empty() : services.stream().filter(service -> !service.isHealthy()).findFirst();
    }

    @Override
    public void close() {
        stop();
    }
}
