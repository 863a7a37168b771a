package dev.swarmboard.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts services in order, stops them in reverse order exactly once (on {@link #stop()} or from
 * one named JVM shutdown hook), and lets {@code main} wait until that has happened.
 */
public final class ServiceRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread shutdownHook = new Thread(this::stop, "swarm-shutdown");
    private boolean stopping;

    /** Registers the shutdown hook; call once before starting services. */
    public ServiceRunner withShutdownHook() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        return this;
    }

    /** Starts the service and remembers it for stopping. */
    public synchronized <T extends SwarmService> T start(T service) {
        LOG.info("starting {}", service.name());
        service.start();
        started.add(service);
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

    /** Blocks until {@link #stop()} ran (from another thread or the shutdown hook). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        stop();
    }
}
