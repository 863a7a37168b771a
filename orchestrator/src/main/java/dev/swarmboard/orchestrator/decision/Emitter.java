package dev.swarmboard.orchestrator.decision;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.schema.BlackboardEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds the orchestrator's events for one mission and one cause. Ids are deterministic
 * ({@code mission, type, parts…}), so a decision taken twice yields recognisable duplicates.
 */
record Emitter(String missionId, String producer, Instant now, String causationId, String traceparent) {

    BlackboardEvent event(SpecificRecord payload, String... idParts) {
        return event(0, payload, idParts);
    }

    /** An event whose header attempt is the given round (re-runs) or 0. */
    BlackboardEvent event(int attempt, SpecificRecord payload, String... idParts) {
        List<String> parts = new ArrayList<>(List.of(missionId, Events.typeOf(payload)));
        parts.addAll(List.of(idParts));
        EventOrigin origin = new EventOrigin(missionId, null, attempt, producer, causationId, traceparent);
        return Events.create(origin, payload, now, parts.toArray(String[]::new));
    }

    /** An event about one lane attempt (its header names the lane), e.g. the LaneFailed of a blocked lane. */
    BlackboardEvent laneEvent(String laneId, int attempt, SpecificRecord payload, String... idParts) {
        List<String> parts = new ArrayList<>(List.of(missionId, laneId, Integer.toString(attempt),
                Events.typeOf(payload)));
        parts.addAll(List.of(idParts));
        EventOrigin origin = new EventOrigin(missionId, laneId, attempt, producer, causationId, traceparent);
        return Events.create(origin, payload, now, parts.toArray(String[]::new));
    }
}
