package dev.swarmboard.orchestrator.escalation;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code constraints.confirmation_timeout}: a positive ISO-8601 duration a mission paused for
 * approval waits, counted from the time recorded in its MissionPaused event. Pure, so replaying the
 * same events with the same clock gives the same decision.
 */
public final class ConfirmationTimeout {

    /** The reason a timed-out mission is cancelled with. */
    public static final String REASON = "CONFIRMATION_TIMEOUT";
    /** The longest timeout accepted (a year): anything longer is a mistake, not a wait. */
    public static final Duration LONGEST = Duration.ofDays(366);

    private ConfirmationTimeout() {
    }

    /** The duration, or empty when the text is not a positive ISO-8601 duration up to {@link #LONGEST}. */
    public static Optional<Duration> parse(String text) {
        try {
            Duration duration = Duration.parse(text.trim());
            return duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST) > 0 ? Optional.empty()
                    : Optional.of(duration);
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** True once {@code now} is at or after {@code pausedAt + timeout}. */
    public static boolean expired(Instant pausedAt, Duration timeout, Instant now) {
        return !now.isBefore(pausedAt.plus(timeout));
    }
}
