package dev.swarmboard.lane.stage;

import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.ModelRoute;
import dev.swarmboard.schema.StageType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stage ready to run: the plan's stage with every default filled in (type, context, models from the
 * role's registry entry, the judge of an ensemble, how an ensemble proposes). An empty model list is left for the preflight to
 * reject, so resolution itself never fails.
 */
public record ResolvedStage(String name, StageType type, String role, List<ModelRoute> models,
                            Optional<ModelRoute> judge, ContextStrategy context, String input,
                            String outputArtifact, List<String> tools, EnsembleMode ensemble) {

    public ResolvedStage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        models = List.copyOf(models);
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(context, "context");
        input = input == null ? "" : input;
        Objects.requireNonNull(outputArtifact, "outputArtifact");
        tools = List.copyOf(tools);
        ensemble = ensemble == null ? EnsembleMode.DEFAULT : ensemble;
    }

    /** A stage with the default ensemble mode (a plan without samples or mode). */
    public ResolvedStage(String name, StageType type, String role, List<ModelRoute> models,
                         Optional<ModelRoute> judge, ContextStrategy context, String input,
                         String outputArtifact, List<String> tools) {
        this(name, type, role, models, judge, context, input, outputArtifact, tools, EnsembleMode.DEFAULT);
    }

    public ResolvedStage withTools(List<String> stageTools) {
        return new ResolvedStage(name, type, role, models, judge, context, input, outputArtifact, stageTools,
                ensemble);
    }
}
