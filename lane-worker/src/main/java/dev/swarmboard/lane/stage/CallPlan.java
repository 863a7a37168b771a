package dev.swarmboard.lane.stage;

import dev.swarmboard.schema.ModelRoute;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which model calls a stage makes. Single: its first model. Routed: the model whose category is the
 * lane's role, else the first. Parallel: every model, one proposal each. Ensemble: {@code samples}
 * proposals of each model in model order (a plan without samples: one per model, or
 * {@value #LEGACY_SAMPLES} of a lone model), then one judgment by the judge.
 */
public final class CallPlan {

    /** How many times an ensemble whose plan gives no samples samples its model when it names only one. */
    public static final int LEGACY_SAMPLES = 3;

    private CallPlan() {
    }

    /** The calls whose outputs feed the stage's artifact (all but the judgment). */
    public static List<PlannedCall> proposals(ResolvedStage stage, String laneRole) {
        List<ModelRoute> models = stage.models();
        return switch (stage.type()) {
            case ROUTED -> List.of(new PlannedCall(PlannedCall.SINGLE, 0, routed(models, laneRole)));
            case PARALLEL -> indexed(models);
            case ENSEMBLE -> indexed(sampled(models, stage.ensemble().samples()));
            default -> List.of(new PlannedCall(PlannedCall.SINGLE, 0, models.get(0)));
        };
    }

    /** The judgment of an ensemble stage. */
    public static PlannedCall judgment(ResolvedStage stage) {
        return new PlannedCall(PlannedCall.JUDGMENT, 0, stage.judge().orElseThrow());
    }

    private static List<ModelRoute> sampled(List<ModelRoute> models, int samples) {
        if (samples == 0) {
            return models.size() == 1 ? Collections.nCopies(LEGACY_SAMPLES, models.get(0)) : models;
        }
        List<ModelRoute> calls = new ArrayList<>();
        models.forEach(model -> calls.addAll(Collections.nCopies(samples, model)));
        return calls;
    }

    private static ModelRoute routed(List<ModelRoute> models, String laneRole) {
        return models.stream().filter(model -> laneRole.equals(model.getCategory())).findFirst().orElse(models.get(0));
    }

    private static List<PlannedCall> indexed(List<ModelRoute> models) {
        List<PlannedCall> calls = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            calls.add(new PlannedCall(PlannedCall.PROPOSAL, i, models.get(i)));
        }
        return calls;
    }
}
