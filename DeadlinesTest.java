package dev.swarmboard.orchestrator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    private static final Instant SUBMITTED = Instant.parse("2030-01-01T12:00:00Z");

    @Test
    void shouldCountADurationFromSubmission() {
        assertThat(Deadlines.resolve("PT30M", SUBMITTED)).contains(Instant.parse("2030-01-01T12:30:00Z"));
        assertThat(Deadlines.resolve(" P1DT2H ", SUBMITTED)).contains(Instant.parse("2030-01-02T14:00:00Z"));
    }

    @Test
    void shouldReadInstantsWithAnOffset() {
        assertThat(Deadlines.resolve("2030-01-01T14:00:00+02:00", SUBMITTED)).contains(SUBMITTED);
        assertThat(Deadlines.resolve("2030-01-01T12:00:00Z", SUBMITTED)).contains(SUBMITTED);
    }

    @Test
    void shouldRefuseTextAndNonPositiveDurations() {
        assertThat(Deadlines.resolve("tomorrow", SUBMITTED)).isEmpty();
        assertThat(Deadlines.resolve("PT0S", SUBMITTED)).isEmpty();
        assertThat(Deadlines.resolve("PT-1H", SUBMITTED)).isEmpty();
        assertThat(Deadlines.resolve("2030-01-01", SUBMITTED)).isEmpty();
    }
}
