package dev.swarmboard.verifier.quorum;

import dev.swarmboard.blackboard.Events;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.LaneYielded;
import java.util.Optional;

/**
 * The counted end of one lane attempt: a {@code LaneYielded} or a {@code LaneFailed} event. A
 * failed lane counts as a failed yield for its attempt.
 */
public record LaneOutcome(BlackboardEvent event) {

    public String laneId() {
        return event.getHeader().getLaneId();
    }

    public int attempt() {
        return event.getHeader().getAttempt();
    }

    public String eventId() {
        return event.getHeader().getEventId();
    }

    /** The yield, unless the lane failed without one. */
    public Optional<LaneYielded> yielded() {
        return event.getPayload() instanceof LaneYielded yielded ? Optional.of(yielded) : Optional.empty();
    }

    /** The failure, if the lane failed without a yield. */
    public Optional<LaneFailed> failure() {
        return event.getPayload() instanceof LaneFailed failed ? Optional.of(failed) : Optional.empty();
    }

    /** True for a yield whose lane validation passed. */
    public boolean passed() {
        return yielded().map(LaneYielded::getPassed).orElse(false);
    }

    public EvidenceRef ref(String label) {
        return Events.ref(event, label);
    }

    /** {@code lane-a attempt 2}, the prefix of every reason about this outcome. */
    public String describe() {
        return laneId() + " attempt " + attempt();
    }
}
