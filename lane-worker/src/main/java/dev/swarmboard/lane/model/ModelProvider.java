package dev.swarmboard.lane.model;

/** Calls a model once: one request in, one response or a failure with its reason and flags out. */
public interface ModelProvider {

    ModelResponse complete(ModelRequest request) throws ModelCallException;
}
