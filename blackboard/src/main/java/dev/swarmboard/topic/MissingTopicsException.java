package dev.swarmboard.topic;

import java.util.List;

/** Catalogue topics absent from the cluster; services never create them, {@code swarm topics} does. */
public final class MissingTopicsException extends RuntimeException {

    private final List<String> missing;

    public MissingTopicsException(List<String> missing) {
        super("missing topics " + String.join(", ", missing) + ": create them with `swarm topics` (same"
                + " --topic-prefix and --bootstrap), or check the topic prefix for a typo");
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
