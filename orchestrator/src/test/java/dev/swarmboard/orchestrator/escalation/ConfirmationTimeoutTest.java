package dev.swarmboard.orchestrator.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConfirmationTimeoutTest {

    private static final Instant PAUSED = Instant.parse("2030-01-01T12:00:00Z");

    @Test
    void shouldParseOnlyPositiveDurationsUpToAYear() {
        assertThat(ConfirmationTimeout.parse("PT15M")).contains(Duration.ofMinutes(15));
        assertThat(ConfirmationTimeout.parse(" PT2S ")).contains(Duration.ofSeconds(2));
        assertThat(ConfirmationTimeout.parse("PT0S")).isEmpty();
        assertThat(ConfirmationTimeout.parse("-PT1M")).isEmpty();
        assertThat(ConfirmationTimeout.parse("2030-01-01T12:00:00Z")).isEmpty();
        assertThat(ConfirmationTimeout.parse("P400D")).isEmpty();
        assertThat(ConfirmationTimeout.parse("soon")).isEmpty();
    }

    @Test
    void shouldExpireExactlyAtPausedPlusTimeout() {
        Duration timeout = Duration.ofSeconds(2);
        assertThat(ConfirmationTimeout.expired(PAUSED, timeout, PAUSED.plusMillis(1999))).isFalse();
        assertThat(ConfirmationTimeout.expired(PAUSED, timeout, PAUSED.plusSeconds(2))).isTrue();
        assertThat(ConfirmationTimeout.expired(PAUSED, timeout, PAUSED.plusSeconds(60))).isTrue();
    }
}
