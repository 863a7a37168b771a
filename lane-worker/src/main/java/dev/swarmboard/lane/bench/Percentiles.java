package dev.swarmboard.lane.bench;

import java.util.List;

/** Nearest-rank percentiles of a sample of milliseconds. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) by nearest rank; 0 for an empty sample. */
    public static long of(List<Long> sample, double p) {
        if (sample.isEmpty()) {
            return 0;
        }
        List<Long> sorted = sample.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
