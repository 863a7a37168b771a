package dev.swarmboard.config;

/** Kafka could not be reached; the message is one line naming the bootstrap address and the cause. */
public final class KafkaUnreachableException extends RuntimeException {

    public KafkaUnreachableException(String message) {
        super(message);
    }
}
