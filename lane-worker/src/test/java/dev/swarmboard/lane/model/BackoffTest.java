package dev.swarmboard.lane.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Sleeper NO_SLEEP = duration -> { };

    @Test
    void shouldDoubleTheJitterCeilingUpToTheCap() {
        // Given
        Backoff highest = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), () -> 0.999_999, NO_SLEEP);

        // Then
        assertThat(highest.delay(1, Optional.empty())).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(highest.delay(3, Optional.empty())).isBetween(Duration.ofMillis(399), Duration.ofMillis(400));
        assertThat(highest.delay(10, Optional.empty())).isBetween(Duration.ofMillis(999), Duration.ofMillis(1000));
        assertThat(highest.delay(500, Optional.empty())).isBetween(Duration.ofMillis(999), Duration.ofMillis(1000));
    }

    @Test
    void shouldDrawTheFullJitterFromZero() {
        // Given
        Backoff lowest = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), () -> 0.0, NO_SLEEP);

        // Then
        assertThat(lowest.delay(4, Optional.empty())).isZero();
    }

    @Test
    void shouldHonourRetryAfterUpToTheCap() {
        // Given
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), () -> 0.5, NO_SLEEP);

        // Then
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(12)))).isEqualTo(Duration.ofSeconds(12));
        assertThat(backoff.delay(1, Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofSeconds(30));
    }
}
