package dev.swarmboard.orchestrator.service;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.MissionPaused;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paused missions this orchestrator has seen committed, with the event and time their
 * MissionPaused recorded: the confirmation-timeout tick looks only at these. Filled from the facts
 * the loop consumes and from missions the state cache replays; an entry is dropped once its mission
 * no longer waits under a timeout.
 */
final class PausedMissions {

    /** Where one mission's wait began. */
    record Pause(String missionId, String eventId, Instant pausedAt) { }

    private final Map<String, Pause> paused = new LinkedHashMap<>();

    synchronized void observe(BlackboardEvent event) {
        if (event.getPayload() instanceof MissionPaused) {
            paused.put(event.getHeader().getMissionId(), new Pause(event.getHeader().getMissionId(),
                    event.getHeader().getEventId(), event.getHeader().getOccurredAt()));
        }
    }

    synchronized List<Pause> all() {
        return List.copyOf(paused.values());
    }

    synchronized void drop(String missionId) {
        paused.remove(missionId);
    }
}
