package dev.swarmboard.lane.model;

import java.util.Objects;

/** Which call this is: the mission, lane, stage, attempt, ensemble proposal index and role it serves. */
public record CallKey(String missionId, String laneId, String stage, int attempt, int proposalIndex, String role) {

    public CallKey {
        Objects.requireNonNull(missionId, "missionId");
        Objects.requireNonNull(laneId, "laneId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(role, "role");
        if (attempt < 1 || proposalIndex < 0) {
            throw new IllegalArgumentException("attempt must be >= 1 and proposalIndex >= 0");
        }
    }
}
