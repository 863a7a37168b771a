package dev.swarmboard.orchestrator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"P300000000000D", "P1000000000000D", "+999999999-12-31T23:59:59Z", "P3000000D",
            "-999999999-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "PT9223372036854775807S"})
    void shouldRefuseADeadlineOutOfRangeInsteadOfThrowing(String deadline) {
        // Given a deadline whose instant or sum with the submission time overflows, or lies before 1970 or after 9999
        // When it is resolved, then it is no deadline, and nothing throws
        assertThat(Deadlines.resolve(deadline, SUBMITTED)).isEmpty();
    }

    @Test
    void shouldAcceptTheLatestDeadline() {
        assertThat(Deadlines.resolve("9999-12-31T23:59:59Z", SUBMITTED)).contains(Deadlines.LATEST);
    }
}
