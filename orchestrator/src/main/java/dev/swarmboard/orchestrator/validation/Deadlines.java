package dev.swarmboard.orchestrator.validation;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Mission deadlines as written: an ISO-8601 instant ({@code 2030-01-01T12:00:00Z}, an offset is
 * allowed) or a positive ISO-8601 duration ({@code PT30M}) counted from when the mission was
 * submitted, so replaying the same command always yields the same absolute deadline. Every deadline
 * lies between the epoch and {@link #LATEST}, so it fits the plan's millisecond timestamp and every
 * sum with it stays in range; anything beyond is not a deadline, never an exception.
 */
public final class Deadlines {

    /** The latest deadline a mission may name (docs/missions.md, Limits). */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Deadlines() {
    }

    /** The absolute deadline, or empty when the text is neither form or lies outside 1970..{@link #LATEST}. */
    public static Optional<Instant> resolve(String text, Instant submittedAt) {
        String trimmed = text.trim();
        try {
            Instant deadline;
            if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
                Duration duration = Duration.parse(trimmed);
                if (duration.isNegative() || duration.isZero()
                        || duration.compareTo(Duration.between(submittedAt, LATEST)) > 0) {
                    return Optional.empty();
                }
                deadline = submittedAt.plus(duration);
            } else {
                deadline = OffsetDateTime.parse(trimmed).toInstant();
            }
            return deadline.isBefore(Instant.EPOCH) || deadline.isAfter(LATEST) ? Optional.empty()
                    : Optional.of(deadline);
        } catch (DateTimeException | ArithmeticException e) {
            // Out-of-range years and durations whose seconds overflow are not deadlines.
            return Optional.empty();
        }
    }
}
