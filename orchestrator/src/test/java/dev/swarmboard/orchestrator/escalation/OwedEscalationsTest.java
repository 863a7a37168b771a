package dev.swarmboard.orchestrator.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.Escalation;
import dev.swarmboard.schema.event.EscalationAttempt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class OwedEscalationsTest {

    private final List<RecordedEvent> log = new ArrayList<>();

    @Test
    void shouldResumeAnEscalationAfterItsLastFailedAttempt() {
        // Given an escalation whose two attempts failed before the restart
        BlackboardEvent escalation = append(new Escalation("CRITICAL", "webhook:env:SWARM_WEBHOOK_X", "failed"), "c");
        append(attempt(escalation, 1, "FAILED"), "1");
        append(attempt(escalation, 2, "FAILED"), "2");

        // When the partition is taken over after all of it was consumed
        OwedEscalations owed = OwedEscalations.of(log, log.size());

        // Then it is owed from attempt 3
        assertThat(owed.owed()).containsExactly(new OwedEscalations.Resume(escalation, 3));
        assertThat(owed.settled()).isEmpty();
    }

    @Test
    void shouldOweNothingForAnEscalationDeliveredOrGivenUp() {
        BlackboardEvent delivered = append(new Escalation("TIMEOUT", "webhook:env:SWARM_WEBHOOK_X", "late"), "t");
        append(attempt(delivered, 1, "FAILED"), "1");
        append(attempt(delivered, 2, "DELIVERED"), "2");
        BlackboardEvent abandoned = append(new Escalation("CRITICAL", "webhook:env:SWARM_WEBHOOK_Y", "failed"), "c");
        append(attempt(abandoned, 1, "GAVE_UP"), "3");

        OwedEscalations owed = OwedEscalations.of(log, log.size());

        assertThat(owed.owed()).isEmpty();
        assertThat(owed.settled()).containsExactlyInAnyOrder(delivered.getHeader().getEventId(),
                abandoned.getHeader().getEventId());
    }

    @Test
    void shouldLeaveAnEscalationNotYetConsumedToTheSubscription() {
        // Given an escalation written at offset 1, and the partition's committed offset 1
        append(new Escalation("CRITICAL", "topic:ops", "consumed"), "a");
        BlackboardEvent later = append(new Escalation("CRITICAL", "topic:ops", "not consumed"), "b");

        OwedEscalations owed = OwedEscalations.of(log, 1);

        // Then only the consumed one is owed by the takeover, from its first attempt
        assertThat(owed.owed()).extracting(OwedEscalations.Resume::attempt).containsExactly(1);
        assertThat(owed.owed()).extracting(resume -> resume.escalation().getHeader().getEventId())
                .doesNotContain(later.getHeader().getEventId());
    }

    @Test
    void shouldStillOweAnEscalationWhoseAttemptHasAnUnknownOutcomeOrThatHasNoContact() {
        BlackboardEvent escalation = append(new Escalation("CRITICAL", "webhook:env:SWARM_WEBHOOK_X", "failed"), "c");
        append(attempt(escalation, 1, "DEFERRED"), "1");
        append(new Escalation("CRITICAL", "", "nobody to tell"), "n");

        OwedEscalations owed = OwedEscalations.of(log, log.size());

        assertThat(owed.owed()).containsExactly(new OwedEscalations.Resume(escalation, 2));
    }

    private static EscalationAttempt attempt(BlackboardEvent escalation, int attempt, String outcome) {
        return new EscalationAttempt(escalation.getHeader().getEventId(), attempt, outcome, "500");
    }

    private BlackboardEvent append(SpecificRecord payload, String id) {
        BlackboardEvent event = Events.create(EventOrigin.mission("m1", "orchestrator/test"), payload, Instant.now(),
                "m1", Events.typeOf(payload), id);
        log.add(new RecordedEvent(event, "bb", 0, log.size(), 0L, new byte[0]));
        return event;
    }
}
