package dev.swarmboard.cli.audit;

import dev.swarmboard.blackboard.HeadHash;
import dev.swarmboard.blackboard.RecordedEvent;
import java.time.Instant;
import java.util.List;

/**
 * What an audit found: the events it covered, the recomputed head, and every divergence in log
 * order (the first is the one {@code swarm replay} names). No divergence means REPLAY OK.
 */
public record AuditReport(String missionId, Instant asOf, List<RecordedEvent> events, HeadHash head,
                          List<Divergence> divergences) {

    public AuditReport {
        events = List.copyOf(events);
        divergences = List.copyOf(divergences);
    }

    public boolean ok() {
        return divergences.isEmpty();
    }

    /** One thing that does not hold: where (topic-partition@offset, or "-"), which event, and why. */
    public record Divergence(String coordinates, String eventId, String reason) {
    }
}
