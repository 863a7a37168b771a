package dev.swarmboard.orchestrator.plan;

import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.Reason;
import java.util.List;

/**
 * A lane with its stage routing table resolved against the registry: the planned lane, the model
 * keys it would call, the tokens its stages need at their caps, and every role or model that could
 * not be resolved (each an {@code UNKNOWN} reason with witnesses).
 */
public record RoutedLane(PlannedLane lane, List<String> modelKeys, long minimumTokens, List<Reason> unknowns) {

    public RoutedLane {
        modelKeys = List.copyOf(modelKeys);
        unknowns = List.copyOf(unknowns);
    }
}
