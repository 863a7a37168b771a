package dev.swarmboard.orchestrator.service;

import java.util.Optional;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Whether a failed transaction failed because the broker (or the producer, before sending) refused
 * a record for what it is — too large for the topic's {@code max.message.bytes} or the producer's
 * {@code max.request.size}, or invalid — rather than because of the cluster's state. A refused
 * record fails the same way every time, so retrying it would loop for ever.
 */
final class Refusals {

    private Refusals() {
    }

    /** The refusal's class and message, when some cause in the chain is one. */
    static Optional<String> of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidRecordException) {
                return Optional.of(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        }
        return Optional.empty();
    }
}
