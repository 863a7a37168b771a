package dev.swarmboard.lane.stage;

import dev.swarmboard.schema.ModelRoute;

/**
 * One model call of a stage: its kind ({@code SINGLE}, {@code PROPOSAL} or {@code JUDGMENT}), its index
 * among the stage's calls of that kind, and the model it calls.
 */
public record PlannedCall(String kind, int index, ModelRoute route) {

    public static final String SINGLE = "SINGLE";
    public static final String PROPOSAL = "PROPOSAL";
    public static final String JUDGMENT = "JUDGMENT";
    /** The receipt of a parallel stage's joined output: made by the worker, not by a model. */
    public static final String MERGED = "MERGED";
}
