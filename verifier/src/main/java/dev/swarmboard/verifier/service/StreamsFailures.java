package dev.swarmboard.verifier.service;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.TaskMigratedException;

/**
 * Which stream-thread failures are transient: a retriable client error (a timeout while the
 * cluster is away, a leader moving) or a task migrated by a rebalance, anywhere in the cause chain.
 */
final class StreamsFailures {

    private StreamsFailures() {
    }

    static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException || cause instanceof TaskMigratedException
                    || cause instanceof org.apache.kafka.streams.errors.TaskCorruptedException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
