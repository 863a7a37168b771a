package dev.swarmboard.lane.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before retrying a rate-limited or failing call: the server's {@code Retry-After}
 * when it sent one (at most {@code cap}), otherwise exponential backoff with full jitter, a uniform
 * delay in {@code [0, min(cap, base * 2^(retry-1))]}, so many lanes retrying at once spread out.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier random;
    private final Sleeper sleeper;

    /** {@code random} yields values in [0, 1); tests fix it and record what {@code sleeper} is asked. */
    public Backoff(Duration base, Duration cap, DoubleSupplier random, Sleeper sleeper) {
        this.base = Objects.requireNonNull(base, "base");
        this.cap = Objects.requireNonNull(cap, "cap");
        this.random = Objects.requireNonNull(random, "random");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Base 500 ms, cap 30 s, a real random source and real sleep. */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30),
                () -> ThreadLocalRandom.current().nextDouble(), Sleeper.REAL);
    }

    /** The delay before retry number {@code retry} (1 for the first retry). */
    public Duration delay(int retry, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return min(retryAfter.get(), cap);
        }
        long ceilingNanos = base.toNanos();
        for (int doubling = 1; doubling < retry && ceilingNanos < cap.toNanos(); doubling++) {
            ceilingNanos *= 2;
        }
        return Duration.ofNanos((long) (random.getAsDouble() * Math.min(ceilingNanos, cap.toNanos())));
    }

    public void pause(int retry, Optional<Duration> retryAfter) throws InterruptedException {
        sleeper.sleep(delay(retry, retryAfter));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
