package dev.swarmboard.lane.model;

import java.util.List;

/**
 * A model call that produced no usable answer. The message is the reason (never a secret); the flags
 * say what was tried before giving up, for the failure receipt.
 */
public final class ModelCallException extends Exception {

    private final List<String> flags;

    public ModelCallException(String reason, List<String> flags) {
        super(reason);
        this.flags = List.copyOf(flags);
    }

    public List<String> flags() {
        return flags;
    }
}
