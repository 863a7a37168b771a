package dev.swarmboard.orchestrator.validation;

import static dev.swarmboard.orchestrator.Fixtures.NOW;
import static dev.swarmboard.orchestrator.Fixtures.mission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.swarmboard.orchestrator.Fixtures;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.ContactPolicy;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import org.junit.jupiter.api.Test;

class EscalationChecksTest {

    private final MissionValidator validator = Fixtures.validator();

    @Test
    void shouldRejectALiteralWebhookUrlNamingTheFieldAndNotTheUrl() {
        MissionSpec spec = mission("m1").setContactPolicy(new ContactPolicy("topic:bad name",
                "webhook:https://hooks.example.org/T0?token=s3cr3t", "webhook:env:SWARM_WEBHOOK_OPS")).build();

        var reasons = validator.validate(spec, NOW, NOW).rejections();

        assertThat(reasons).extracting(Reason::getCode, Reason::getField).containsExactlyInAnyOrder(
                tuple("INVALID_CONTACT", "contact.digest"), tuple("INVALID_CONTACT", "contact.critical"));
        assertThat(reasons).allSatisfy(reason -> assertThat(reason.toString()).doesNotContain("s3cr3t"));
    }

    @Test
    void shouldAcceptReferencesTopicsAndTextAndRejectABadConfirmationTimeout() {
        MissionSpec base = mission("m1").setContactPolicy(new ContactPolicy("topic:ops.digest",
                "webhook:env:SWARM_WEBHOOK_OPS", "oncall@example.org")).build();
        assertThat(validator.validate(base, NOW, NOW).rejections()).isEmpty();

        MissionSpec bad = MissionSpec.newBuilder(base).setConstraints(Constraints.newBuilder(base.getConstraints())
                .setConfirmationTimeout("tomorrow").build()).build();
        assertThat(validator.validate(bad, NOW, NOW).rejections()).extracting(Reason::getCode, Reason::getField)
                .containsExactly(tuple("INVALID_CONFIRMATION_TIMEOUT", "constraints.confirmation_timeout"));
    }
}
