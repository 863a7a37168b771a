package dev.swarmboard.lane.stage;

/**
 * How an ensemble stage proposes, from its plan: {@code samples} proposals per model (0: the plan
 * predates samples, so one per model and {@value CallPlan#LEGACY_SAMPLES} for a lone model), and
 * whether proposer k is shown proposals 1..k-1 ({@value #SEQUENTIAL}) or all propose at once
 * ({@value #PARALLEL} or empty). An unknown mode is kept as given for the preflight to refuse.
 */
public record EnsembleMode(int samples, String mode) {

    public static final String SEQUENTIAL = "sequential";
    public static final String PARALLEL = "parallel";

    public static final EnsembleMode DEFAULT = new EnsembleMode(0, "");

    public EnsembleMode {
        samples = Math.max(samples, 0);
        mode = mode == null ? "" : mode;
    }

    public boolean sequential() {
        return SEQUENTIAL.equals(mode);
    }

    /** Whether the mode is one this worker runs. */
    public boolean known() {
        return mode.isEmpty() || SEQUENTIAL.equals(mode) || PARALLEL.equals(mode);
    }
}
