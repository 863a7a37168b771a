package dev.swarmboard.orchestrator.service;

import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.schema.MissionStart;
import java.util.List;

/**
 * A mission as a cache miss found it: its committed events, where they begin on the blackboard (for
 * a mission without events, the partition's committed end: whatever it writes lands after it), and
 * whether the mission index already holds that start.
 */
record LoadedMission(List<RecordedEvent> events, MissionStart start, boolean indexed) {

    LoadedMission {
        events = List.copyOf(events);
    }
}
