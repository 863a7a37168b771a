package dev.swarmboard.localkafka;

/**
 * A local Kafka could not be formatted, started, shown ready or stopped; the message names the step and
 * the address or directory involved.
 */
public class LocalKafkaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with its cause. */
    public LocalKafkaException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure found by a check rather than thrown by Kafka. */
    public LocalKafkaException(String message) {
        super(message);
    }
}
