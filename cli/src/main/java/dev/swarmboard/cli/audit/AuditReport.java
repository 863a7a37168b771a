package dev.swarmboard.cli.audit;

import dev.swarmboard.blackboard.HeadHash;
import dev.swarmboard.blackboard.RecordedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an audit found: the events it covered, the recomputed head, every divergence in log order
 * (the first is the one {@code swarm replay} names), and the foreign records under the mission's
 * key — intact bytes that are no event, which the services dead-lettered and ignored. No divergence
 * means REPLAY OK, with or without foreign records.
 */
public record AuditReport(String missionId, Instant asOf, List<RecordedEvent> events, HeadHash head,
                          List<Divergence> divergences, List<ForeignRecord> foreign) {

    public AuditReport {
        events = List.copyOf(events);
        divergences = List.copyOf(divergences);
        foreign = List.copyOf(foreign);
    }

    public boolean ok() {
        return divergences.isEmpty();
    }

    /** This report with each foreign record's dead letters, by source coordinates, filled in. */
    public AuditReport withDeadLetters(Map<String, List<String>> lettersBySource) {
        List<ForeignRecord> located = foreign.stream().map(record -> new ForeignRecord(record.coordinates(),
                record.reason(), lettersBySource.getOrDefault(record.coordinates(), List.of()))).toList();
        return new AuditReport(missionId, asOf, events, head, divergences, located);
    }

    /** One thing that does not hold: where (topic-partition@offset, or "-"), which event, and why. */
    public record Divergence(String coordinates, String eventId, String reason) {
    }

    /** Undecodable bytes under the mission's key: where, why, and where they were dead-lettered. */
    public record ForeignRecord(String coordinates, String reason, List<String> deadLetters) {

        public ForeignRecord {
            deadLetters = List.copyOf(deadLetters);
        }
    }
}
