package dev.swarmboard.orchestrator.decision;

import static dev.swarmboard.orchestrator.Fixtures.mission;
import static dev.swarmboard.orchestrator.MissionScenario.payload;
import static dev.swarmboard.orchestrator.MissionScenario.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.orchestrator.Fixtures;
import dev.swarmboard.orchestrator.MissionScenario;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.ContactPolicy;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.Escalation;
import dev.swarmboard.schema.event.MissionCancelled;
import dev.swarmboard.schema.event.MissionPaused;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationDecisionTest {

    private final Decider decider = new Decider(Fixtures.validator(), "orchestrator/test");

    @Test
    void shouldCancelAndEscalateAPausedMissionPastItsConfirmationTimeout() {
        // Given a mission paused for approval with a 2 s confirmation timeout
        MissionScenario scenario = paused("PT2S", "topic:ops.timeouts");
        BlackboardEvent pause = pause(scenario);
        Instant pausedAt = pause.getHeader().getOccurredAt();
        // When the tick looks 2 s after the pause
        Outcome outcome = decider.onConfirmationTimeout(scenario.state(), pause.getHeader().getEventId(), pausedAt,
                pausedAt.plusSeconds(2));
        // Then it is cancelled with CONFIRMATION_TIMEOUT and a TIMEOUT escalation goes to contact.timeout
        assertThat(types(outcome)).containsExactly("MissionCancelled", "Escalation");
        assertThat(payload(outcome, MissionCancelled.class).getReason()).isEqualTo("CONFIRMATION_TIMEOUT");
        Escalation escalation = payload(outcome, Escalation.class);
        assertThat(escalation.getSeverity()).isEqualTo("TIMEOUT");
        assertThat(escalation.getContact()).isEqualTo("topic:ops.timeouts");
        assertThat(outcome.events().get(0).getHeader().getCausationId()).isEqualTo(pause.getHeader().getEventId());
    }

    @Test
    void shouldDecideTheSameAtTheSameInstantAndNothingBeforeTheTimeout() {
        MissionScenario scenario = paused("PT2S", "");
        BlackboardEvent pause = pause(scenario);
        Instant pausedAt = pause.getHeader().getOccurredAt();

        Outcome early = decider.onConfirmationTimeout(scenario.state(), "p", pausedAt, pausedAt.plusMillis(1999));
        Outcome first = decider.onConfirmationTimeout(scenario.state(), "p", pausedAt, pausedAt.plusSeconds(3));
        Outcome again = decider.onConfirmationTimeout(scenario.state(), "p", pausedAt, pausedAt.plusSeconds(3));

        assertThat(early.isEmpty()).isTrue();
        assertThat(types(first)).as("no timeout contact: no escalation").containsExactly("MissionCancelled");
        assertThat(first.events().get(0).getHeader().getEventId())
                .isEqualTo(again.events().get(0).getHeader().getEventId());
    }

    @Test
    void shouldNotTimeOutAMissionWithoutATimeoutOrNoLongerPaused() {
        MissionScenario noTimeout = paused(null, "boss");
        assertThat(Decider.confirmationTimeout(noTimeout.state())).isEmpty();
        MissionScenario approved = paused("PT2S", "boss");
        assertThat(Decider.confirmationTimeout(approved.state())).contains(Duration.ofSeconds(2));
        approved.approve("");
        assertThat(Decider.confirmationTimeout(approved.state())).isEmpty();
        assertThat(decider.onConfirmationTimeout(approved.state(), "p", Fixtures.NOW, Fixtures.NOW.plusSeconds(60))
                .isEmpty()).isTrue();
    }

    @Test
    void shouldEscalateThePublishedDigestToTheDigestContact() {
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(mission("m1").setContactPolicy(new ContactPolicy("webhook:env:SWARM_WEBHOOK_OPS", "", ""))
                .build());
        BlackboardEvent digest = Events.create(EventOrigin.mission("m1", "digest/test"), DigestPublished.newBuilder()
                .setBluf("all lanes passed").setMarkdown("# m1").setHeadHash("h").setVerdictEventId("v")
                .setReportPath("reports/m1.md").build(), Fixtures.NOW, "m1", "DigestPublished");

        Outcome outcome = scenario.fact(digest);

        Escalation escalation = payload(outcome, Escalation.class);
        assertThat(escalation.getSeverity()).isEqualTo("DIGEST");
        assertThat(escalation.getContact()).isEqualTo("webhook:env:SWARM_WEBHOOK_OPS");
        assertThat(escalation.getMessage()).contains("all lanes passed").contains("reports/m1.md");
        assertThat(scenario.fact(digest).events()).as("a digest delivered twice is escalated once").isEmpty();
    }

    private static MissionScenario paused(String timeout, String timeoutContact) {
        MissionScenario scenario = MissionScenario.of("m1");
        MissionSpec base = mission("m1").build();
        MissionSpec spec = MissionSpec.newBuilder(base).setConstraints(Constraints.newBuilder(base.getConstraints())
                .setRequiresConfirmation(true).setConfirmationTimeout(timeout).build())
                .setContactPolicy(new ContactPolicy("", "", timeoutContact)).build();
        scenario.submit(spec);
        return scenario;
    }

    private static BlackboardEvent pause(MissionScenario scenario) {
        List<BlackboardEvent> pauses = scenario.log().stream()
                .filter(event -> event.getPayload() instanceof MissionPaused).toList();
        assertThat(pauses).hasSize(1);
        return pauses.get(0);
    }
}
