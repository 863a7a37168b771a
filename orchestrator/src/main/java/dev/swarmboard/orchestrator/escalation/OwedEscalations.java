package dev.swarmboard.orchestrator.escalation;

import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.Escalation;
import dev.swarmboard.schema.event.EscalationAttempt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a mission's escalations a newly started orchestrator still owes, from the mission's
 * events alone: one consumed before the restart (below the committed offset; later ones reach it
 * through its subscription) whose attempts include no final one ({@code DELIVERED} or
 * {@code GAVE_UP}) is resumed at the attempt after the last recorded. An attempt with an outcome this
 * version does not know settles nothing: the escalation is still owed.
 *
 * @param owed    the escalations to deliver again, each with the attempt to continue from
 * @param settled event ids of the escalations a final attempt closed
 */
public record OwedEscalations(List<Resume> owed, Set<String> settled) {

    public static final Set<String> FINAL_OUTCOMES = Set.of("DELIVERED", "GAVE_UP");

    /** One escalation to deliver again, from attempt {@code attempt}. */
    public record Resume(BlackboardEvent escalation, int attempt) {
    }

    public OwedEscalations {
        owed = List.copyOf(owed);
        settled = Set.copyOf(settled);
    }

    /**
     * @param events   the mission's committed events in log order
     * @param consumed the committed offset of the mission's partition when it was taken over
     */
    public static OwedEscalations of(List<RecordedEvent> events, long consumed) {
        Map<String, Integer> lastAttempt = new HashMap<>();
        Set<String> settled = new HashSet<>();
        for (RecordedEvent recorded : events) {
            if (recorded.event().getPayload() instanceof EscalationAttempt attempt) {
                lastAttempt.merge(attempt.getEscalationEventId(), attempt.getAttempt(), Math::max);
                if (FINAL_OUTCOMES.contains(attempt.getOutcome())) {
                    settled.add(attempt.getEscalationEventId());
                }
            }
        }
        List<Resume> owed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RecordedEvent recorded : events) {
            String id = recorded.eventId();
            if (recorded.event().getPayload() instanceof Escalation escalation && !escalation.getContact().isBlank()
                    && recorded.offset() < consumed && !settled.contains(id) && seen.add(id)) {
                owed.add(new Resume(recorded.event(), lastAttempt.getOrDefault(id, 0) + 1));
            }
        }
        return new OwedEscalations(owed, settled);
    }
}
