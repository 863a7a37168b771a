package dev.swarmboard.change;

import java.util.Set;

/**
 * One lane's net change as a normalized unified diff from the tree its checkout started from
 * ({@code startTreeId}: the mission's base tree, or its predecessors' tree for a lane that waits for
 * others), with the lanes it builds on (its transitive predecessors).
 */
public record LaneChange(String laneId, String diff, String startTreeId, Set<String> predecessors) {

    public LaneChange {
        predecessors = Set.copyOf(predecessors);
    }

    /** A change of a lane that waits for no other, against the mission's base. */
    public LaneChange(String laneId, String diff) {
        this(laneId, diff, "", Set.of());
    }

    /** Whether one of the two lanes builds on the other, so their changes are a sequence, not rivals. */
    boolean sequencedWith(LaneChange other) {
        return predecessors.contains(other.laneId) || other.predecessors.contains(laneId);
    }
}
