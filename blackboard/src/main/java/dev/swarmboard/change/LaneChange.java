package dev.swarmboard.change;

/** One lane's net change against the mission's base commit, as a normalized unified diff. */
public record LaneChange(String laneId, String diff) {
}
