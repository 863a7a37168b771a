package dev.swarmboard.orchestrator.workflow;

import java.util.Locale;
import java.util.Optional;

/**
 * How an ensemble phase proposes: each of its models is sampled {@code samples} times, and the
 * proposals run side by side ({@code parallel}) or one after another ({@code sequential}), where
 * proposer k is shown proposals 1..k-1. The judge then picks one or synthesises.
 */
public record EnsembleShape(int samples, Mode mode) {

    /** The most samples one phase may ask of each model. */
    public static final int MAX_SAMPLES = 10;

    /** One proposal per model, all at once. */
    public static final EnsembleShape DEFAULT = new EnsembleShape(1, Mode.PARALLEL);

    public EnsembleShape {
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must be 1.." + MAX_SAMPLES + ", was " + samples);
        }
    }

    /** Whether proposals run side by side or each sees the earlier ones. */
    public enum Mode {
        PARALLEL, SEQUENTIAL;

        /** The wire name on {@code StagePlan.mode}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Mode> parse(String text) {
            for (Mode mode : values()) {
                if (mode.wireName().equals(text)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    /** How many proposals the phase makes with this many models. */
    public int proposals(int models) {
        return models * samples;
    }
}
