package dev.swarmboard.verifier.quorum;

import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.verifier.bench.SyntheticMission;

/** A planned lane shaped like the synthetic mission's own, for plans that add lanes. */
final class SyntheticMissionLanes {

    private SyntheticMissionLanes() {
    }

    static PlannedLane lane(SyntheticMission mission, String laneId) {
        return PlannedLane.newBuilder(mission.plan().getLanes().get(0)).setLaneId(laneId)
                .setScope(java.util.List.of("src/" + laneId)).build();
    }
}
