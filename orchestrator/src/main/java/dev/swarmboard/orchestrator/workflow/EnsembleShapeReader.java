package dev.swarmboard.orchestrator.workflow;

import dev.swarmboard.capability.YamlMapping;
import dev.swarmboard.schema.StageType;

/**
 * Reads an ensemble phase's {@code samples} (1..{@value EnsembleShape#MAX_SAMPLES} per model) and
 * {@code mode} ({@code parallel} or {@code sequential}), fail-closed: either key on another phase type
 * is an error, and an ensemble must make at least two proposals (two models, or one model sampled
 * at least twice).
 */
final class EnsembleShapeReader {

    private EnsembleShapeReader() {
    }

    static EnsembleShape read(YamlMapping phase, StageType type, int models) {
        if (type != StageType.ENSEMBLE) {
            for (String key : new String[] {"samples", "mode"}) {
                if (phase.has(key) && type != null) {
                    phase.reject(key, "only an ensemble phase has " + key);
                }
            }
            return EnsembleShape.DEFAULT;
        }
        int samples = phase.positiveInt("samples", 1);
        if (samples > EnsembleShape.MAX_SAMPLES) {
            phase.reject("samples", "at most " + EnsembleShape.MAX_SAMPLES + " samples per model, was " + samples);
            samples = 1;
        }
        String modeText = phase.text("mode", EnsembleShape.Mode.PARALLEL.wireName());
        EnsembleShape.Mode mode = EnsembleShape.Mode.parse(modeText).orElse(null);
        if (mode == null) {
            phase.reject("mode", "must be parallel or sequential, was '" + modeText + "'");
        }
        if (models * samples < 2) {
            phase.reject(models < 2 && !phase.has("samples") ? "models" : "samples", "an ensemble needs at least two"
                    + " proposals: two or more models, or one model with samples: 2 or more");
        }
        return new EnsembleShape(samples, mode == null ? EnsembleShape.Mode.PARALLEL : mode);
    }
}
