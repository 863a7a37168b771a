package dev.swarmboard.lane.validation;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.RunLane;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link LaneEvidence} where the mission log holds exactly the attempt's events. */
final class Evidence {

    private Evidence() {
    }

    static LaneEvidence of(RunLane task, List<BlackboardEvent> events) {
        return of(task, events, events);
    }

    static LaneEvidence of(RunLane task, List<BlackboardEvent> attempt, List<BlackboardEvent> mission) {
        Map<String, BlackboardEvent> byId = new LinkedHashMap<>();
        mission.forEach(event -> byId.putIfAbsent(event.getHeader().getEventId(), event));
        return new LaneEvidence(task, task.getLane().getRequiredArtifacts(), attempt, byId);
    }
}
