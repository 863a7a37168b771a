package dev.swarmboard.verifier.deadletter;

import dev.swarmboard.deadletter.DeadLetters;
import java.util.Map;

/** The verifier instance's dead-letter origin, carried to Streams' handlers in the Streams config. */
public final class VerifierOrigin {

    /** Streams config key (not a Kafka setting) holding the verifier's instance id. */
    public static final String INSTANCE_CONFIG = "swarm.verifier.instance.id";
    public static final String SERVICE = "verifier";

    private VerifierOrigin() {
    }

    static DeadLetters.Origin from(Map<String, ?> configs) {
        Object instance = configs.get(INSTANCE_CONFIG);
        return new DeadLetters.Origin(SERVICE, instance == null ? null : instance.toString());
    }
}
