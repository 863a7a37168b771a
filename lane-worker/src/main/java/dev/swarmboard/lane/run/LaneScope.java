package dev.swarmboard.lane.run;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.schema.RunLane;

/** What every step of one lane attempt shares: the task, its view of the mission, its event factory and the registry. */
record LaneScope(RunLane task, MissionView view, LaneEvents events, CapabilityRegistry registry) {

    String missionId() {
        return task.getMissionId();
    }

    String laneId() {
        return task.getLane().getLaneId();
    }
}
