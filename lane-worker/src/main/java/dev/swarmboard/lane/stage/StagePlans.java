package dev.swarmboard.lane.stage;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.ModelRoute;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.StagePlan;
import dev.swarmboard.schema.StageType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a lane's planned stages. A lane without stages runs the default PREY stages (perceive
 * {@code fresh}, react {@code scoped} on the perception, engage {@code full} on the plan; Yield follows).
 * Unspecified values default: type {@code single}; context by stage name as in PREY, else {@code scoped};
 * models and an ensemble's judge from the registry's role table. When no stage lists a tool, the lane's
 * tools run after the last stage.
 */
public final class StagePlans {

    /** The role whose model judges an ensemble that names no judge. */
    public static final String JUDGE_ROLE = "judge";

    private static final List<StagePlan> PREY = List.of(
            stage("perceive", "", "perception_snapshot", ContextStrategy.FRESH),
            stage("react", "perception_snapshot", "react_plan", ContextStrategy.SCOPED),
            stage("engage", "react_plan", "engage_report", ContextStrategy.FULL));
    private static final Map<String, ContextStrategy> DEFAULT_CONTEXT = Map.of(
            "perceive", ContextStrategy.FRESH, "react", ContextStrategy.SCOPED, "engage", ContextStrategy.FULL);

    private StagePlans() {
    }

    public static List<ResolvedStage> resolve(PlannedLane lane, CapabilityRegistry registry) {
        List<StagePlan> planned = lane.getStages().isEmpty() ? PREY : lane.getStages();
        List<ResolvedStage> stages = new ArrayList<>();
        for (StagePlan stage : planned) {
            stages.add(resolve(stage, registry));
        }
        boolean anyTools = stages.stream().anyMatch(stage -> !stage.tools().isEmpty());
        if (!anyTools && !stages.isEmpty() && !lane.getTools().isEmpty()) {
            int last = stages.size() - 1;
            stages.set(last, stages.get(last).withTools(lane.getTools()));
        }
        return List.copyOf(stages);
    }

    /** The artifacts a lane must yield: its required artifacts, or else every stage's output. */
    public static List<String> requiredArtifacts(PlannedLane lane, List<ResolvedStage> stages) {
        return lane.getRequiredArtifacts().isEmpty()
                ? stages.stream().map(ResolvedStage::outputArtifact).toList()
                : List.copyOf(lane.getRequiredArtifacts());
    }

    private static ResolvedStage resolve(StagePlan stage, CapabilityRegistry registry) {
        StageType type = stage.getType() == StageType.UNSPECIFIED ? StageType.SINGLE : stage.getType();
        ContextStrategy context = stage.getContext() == ContextStrategy.UNSPECIFIED
                ? DEFAULT_CONTEXT.getOrDefault(stage.getName(), ContextStrategy.SCOPED) : stage.getContext();
        List<ModelRoute> models = stage.getModels().isEmpty()
                ? registry.modelForRole(stage.getRole()).stream().toList() : stage.getModels();
        Optional<ModelRoute> judge = type != StageType.ENSEMBLE ? Optional.empty()
                : Optional.ofNullable(stage.getJudge()).or(() -> registry.modelForRole(JUDGE_ROLE));
        return new ResolvedStage(stage.getName(), type, stage.getRole(), models, judge, context,
                stage.getInput(), stage.getOutputArtifact(), stage.getTools(),
                new EnsembleMode(stage.getSamples(), stage.getMode()));
    }

    private static StagePlan stage(String name, String input, String artifact, ContextStrategy context) {
        return StagePlan.newBuilder().setName(name).setType(StageType.SINGLE).setRole(name)
                .setContext(context).setInput(input).setOutputArtifact(artifact).build();
    }
}
