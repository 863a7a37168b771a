package dev.swarmboard.service;

/**
 * The two-method contract of every Swarmboard service: start its clients and threads, and stop
 * them. {@code stop()} is idempotent and closes resources in reverse order of creation.
 */
public interface SwarmService extends AutoCloseable {

    /** A short name for logs and health output, e.g. {@code orchestrator}. */
    String name();

    void start();

    void stop();

    /** True while the service's loops run; false after a fatal error or stop. */
    boolean isHealthy();

    /**
     * Why the service's loops stopped on their own, for the one log line before the process exits;
     * read only once {@link #isHealthy()} is false.
     */
    default String failure() {
        return "its loops stopped";
    }

    /** True once the service has joined its topics and can do work. */
    default boolean isReady() {
        return isHealthy();
    }

    @Override
    default void close() {
        stop();
    }
}
