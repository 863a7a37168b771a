package dev.swarmboard.cli.bench;

import dev.swarmboard.lane.bench.Percentiles;
import java.util.Collection;
import java.util.List;

/** Count, mean, nearest-rank p50 and p99, and maximum of a sample of milliseconds. */
public record Summary(int count, double mean, long p50, long p99, long max) {

    public static Summary of(Collection<Long> sampleMs) {
        List<Long> sample = List.copyOf(sampleMs);
        if (sample.isEmpty()) {
            return new Summary(0, 0, 0, 0, 0);
        }
        double mean = sample.stream().mapToLong(Long::longValue).average().orElse(0);
        long max = sample.stream().mapToLong(Long::longValue).max().orElse(0);
        return new Summary(sample.size(), mean, Percentiles.of(sample, 50), Percentiles.of(sample, 99), max);
    }

    /** {@code p50 12 ms  p99 40 ms  mean 14.2 ms  max 55 ms  (n 200)}. */
    public String render() {
        return String.format("p50 %5d ms  p99 %5d ms  mean %8.1f ms  max %5d ms  (n %d)", p50, p99, mean, max, count);
    }
}
