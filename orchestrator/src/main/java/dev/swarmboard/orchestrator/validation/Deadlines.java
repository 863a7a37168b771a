package dev.swarmboard.orchestrator.validation;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Mission deadlines as written: an ISO-8601 instant ({@code 2030-01-01T12:00:00Z}, an offset is
 * allowed) or a positive ISO-8601 duration ({@code PT30M}) counted from when the mission was
 * submitted, so replaying the same command always yields the same absolute deadline.
 */
public final class Deadlines {

    private Deadlines() {
    }

    /** The absolute deadline, or empty when the text is neither form. */
    public static Optional<Instant> resolve(String text, Instant submittedAt) {
        String trimmed = text.trim();
        try {
            if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
                Duration duration = Duration.parse(trimmed);
                return duration.isNegative() || duration.isZero() ? Optional.empty()
                        : Optional.of(submittedAt.plus(duration));
            }
            return Optional.of(OffsetDateTime.parse(trimmed).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
