package dev.swarmboard.orchestrator.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void shouldDoubleTheWaitUpToTheCap() {
        Backoff backoff = new Backoff(5, Duration.ofSeconds(1), Duration.ofSeconds(4));
        assertThat(backoff.delayBefore(1)).isEqualTo(Duration.ZERO);
        assertThat(backoff.delayBefore(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayBefore(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayBefore(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delayBefore(5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delayBefore(100)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.last(4)).isFalse();
        assertThat(backoff.last(5)).isTrue();
    }

    @Test
    void shouldRefuseAnImpossibleSchedule() {
        assertThatThrownBy(() -> new Backoff(0, Duration.ofSeconds(1), Duration.ofSeconds(4)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(3, Duration.ofSeconds(5), Duration.ofSeconds(4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReadTheScheduleAndOnlyWebhookVariablesFromTheEnvironment() {
        EscalationSettings settings = EscalationSettings.fromEnvironment(Map.of("SWARM_ESCALATION_ATTEMPTS", "4",
                "SWARM_ESCALATION_BACKOFF_MS", "200", "SWARM_ESCALATION_BACKOFF_MAX_MS", "300",
                "SWARM_WEBHOOK_OPS", "http://127.0.0.1:1/x", "KAFKA_SASL_PASSWORD", "p"));
        assertThat(settings.backoff()).isEqualTo(new Backoff(4, Duration.ofMillis(200), Duration.ofMillis(300)));
        assertThat(settings.webhooks().apply("SWARM_WEBHOOK_OPS")).contains("http://127.0.0.1:1/x");
        assertThat(settings.webhooks().apply("KAFKA_SASL_PASSWORD")).isEmpty();
        assertThat(settings.webhooks().apply("SWARM_WEBHOOK_UNSET")).isEmpty();
    }
}
