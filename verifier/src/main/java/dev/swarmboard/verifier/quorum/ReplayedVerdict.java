package dev.swarmboard.verifier.quorum;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.QuorumReached;
import java.util.List;

/**
 * A verdict re-derived from the log, with what it rested on: the plan event in force and every lane
 * outcome counted up to it, in log order.
 *
 * @param eventCount how many mission events preceded the verdict's decision
 */
public record ReplayedVerdict(BlackboardEvent verdict, BlackboardEvent planEvent, List<LaneOutcome> outcomes,
                              long eventCount) {

    public ReplayedVerdict {
        outcomes = List.copyOf(outcomes);
    }

    public QuorumReached payload() {
        return (QuorumReached) verdict.getPayload();
    }

    public String eventId() {
        return verdict.getHeader().getEventId();
    }
}
