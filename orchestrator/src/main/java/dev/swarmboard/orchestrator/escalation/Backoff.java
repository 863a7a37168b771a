package dev.swarmboard.orchestrator.escalation;

import java.time.Duration;

/**
 * How often and how patiently a webhook is tried: {@code attempts} in all, the k-th retry after
 * {@code initial * 2^(k-1)}, capped at {@code max}.
 */
public record Backoff(int attempts, Duration initial, Duration max) {

    public Backoff {
        if (attempts < 1 || initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs attempts >= 1 and 0 <= initial <= max");
        }
    }

    /** The wait before attempt {@code attempt} (1-based); zero for the first. */
    public Duration delayBefore(int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        long factor = 1L << Math.min(attempt - 2, 30);
        Duration delay = initial.multipliedBy(factor);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** Whether attempt {@code attempt} is the last one. */
    public boolean last(int attempt) {
        return attempt >= attempts;
    }
}
