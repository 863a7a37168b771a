package dev.swarmboard.lane.model;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits for a while; injected so tests can record backoff and simulated latency instead of waiting. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    void sleep(Duration duration) throws InterruptedException;
}
