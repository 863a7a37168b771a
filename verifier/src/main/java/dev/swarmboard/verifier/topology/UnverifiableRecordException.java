package dev.swarmboard.verifier.topology;

/**
 * A blackboard record that decodes but cannot belong to a mission's fold: no key, or a key that
 * names another mission than the event header. Streams' processing handler dead-letters it.
 */
public final class UnverifiableRecordException extends RuntimeException {

    public UnverifiableRecordException(String message) {
        super(message);
    }
}
