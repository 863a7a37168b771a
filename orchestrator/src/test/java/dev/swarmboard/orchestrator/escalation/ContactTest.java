package dev.swarmboard.orchestrator.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactTest {

    @Test
    void shouldParseAWebhookEnvironmentReference() {
        assertThat(Contact.parse("webhook:env:SWARM_WEBHOOK_ONCALL").contact())
                .contains(new Contact.Webhook("SWARM_WEBHOOK_ONCALL"));
    }

    @Test
    void shouldRefuseALiteralWebhookUrlWithoutRepeatingIt() {
        Contact.Parsed parsed = Contact.parse("webhook:https://hooks.example.org/x?token=s3cr3t");
        assertThat(parsed.contact()).isEmpty();
        assertThat(parsed.problem()).hasValueSatisfying(problem -> {
            assertThat(problem).contains("webhook:env:SWARM_WEBHOOK_");
            assertThat(problem).doesNotContain("s3cr3t").doesNotContain("hooks.example.org");
        });
    }

    @Test
    void shouldRefuseABareUrl() {
        assertThat(Contact.parse("https://hooks.example.org/x?token=s3cr3t").problem()).isPresent();
    }

    @Test
    void shouldRefuseAnEnvironmentNameOutsideTheWebhookPrefix() {
        // a mission may not make the orchestrator read its Kafka password as a URL
        assertThat(Contact.parse("webhook:env:KAFKA_SASL_PASSWORD").problem()).hasValueSatisfying(problem ->
                assertThat(problem).contains("SWARM_WEBHOOK_"));
        assertThat(Contact.parse("webhook:env:swarm_webhook_x").problem()).isPresent();
    }

    @Test
    void shouldParseALegalTopicAndRefuseAnIllegalOne() {
        assertThat(Contact.parse("topic:ops.escalations-1").contact()).contains(new Contact.Topic("ops.escalations-1"));
        assertThat(Contact.parse("topic:bad topic").problem()).isPresent();
        assertThat(Contact.parse("topic:").problem()).isPresent();
        assertThat(Contact.parse("topic:..").problem()).isPresent();
        assertThat(Contact.parse("topic:" + "a".repeat(250)).problem()).isPresent();
    }

    @Test
    void shouldTreatAnythingElseAsText() {
        assertThat(Contact.parse("oncall@example.org").contact()).contains(new Contact.Text("oncall@example.org"));
    }
}
