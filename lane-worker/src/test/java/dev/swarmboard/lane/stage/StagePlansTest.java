package dev.swarmboard.lane.stage;

import static dev.swarmboard.lane.LaneFixtures.lane;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.lane.LaneFixtures;
import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.ModelRoute;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.StagePlan;
import dev.swarmboard.schema.StageType;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagePlansTest {

    private static final CapabilityRegistry REGISTRY = LaneFixtures.registry();

    @Test
    void shouldRunDefaultPreyStagesWhenThePlanHasNone() {
        // When
        List<ResolvedStage> stages = StagePlans.resolve(lane("lane-a").build(), REGISTRY);

        // Then
        assertThat(stages).extracting(ResolvedStage::name).containsExactly("perceive", "react", "engage");
        assertThat(stages).extracting(ResolvedStage::context)
                .containsExactly(ContextStrategy.FRESH, ContextStrategy.SCOPED, ContextStrategy.FULL);
        assertThat(stages).extracting(ResolvedStage::outputArtifact)
                .containsExactly("perception_snapshot", "react_plan", "engage_report");
        assertThat(stages.get(1).input()).isEqualTo("perception_snapshot");
        assertThat(stages.get(0).models()).extracting(ModelRoute::getModelKey).containsExactly("fast");
    }

    @Test
    void shouldRunTheLanesToolsAfterTheLastStageWhenNoStageListsTools() {
        // When
        List<ResolvedStage> stages = StagePlans.resolve(lane("lane-a").setTools(List.of("unit-tests")).build(),
                REGISTRY);

        // Then
        assertThat(stages).extracting(ResolvedStage::tools).containsExactly(List.of(), List.of(), List.of("unit-tests"));
    }

    @Test
    void shouldKeepTheStagesOwnToolsWhenAnyStageListsTools() {
        // Given
        PlannedLane planned = lane("lane-a").setTools(List.of("unit-tests", "lint")).setStages(List.of(
                stage("build").setTools(List.of("lint")).build(), stage("check").build())).build();

        // When
        List<ResolvedStage> stages = StagePlans.resolve(planned, REGISTRY);

        // Then
        assertThat(stages).extracting(ResolvedStage::tools).containsExactly(List.of("lint"), List.of());
    }

    @Test
    void shouldFillUnspecifiedTypeContextModelsAndTheEnsembleJudge() {
        // Given
        PlannedLane planned = lane("lane-a").setStages(List.of(stage("draft").build(),
                stage("vote").setType(StageType.ENSEMBLE).build())).build();

        // When
        List<ResolvedStage> stages = StagePlans.resolve(planned, REGISTRY);

        // Then
        assertThat(stages.get(0).type()).isEqualTo(StageType.SINGLE);
        assertThat(stages.get(0).context()).isEqualTo(ContextStrategy.SCOPED);
        assertThat(stages.get(0).judge()).isEmpty();
        assertThat(stages.get(1).judge()).map(ModelRoute::getModelKey).contains("wise");
        assertThat(StagePlans.requiredArtifacts(lane("x").setRequiredArtifacts(List.of()).build(), stages))
                .containsExactly("draft_out", "vote_out");
    }

    static StagePlan.Builder stage(String name) {
        return StagePlan.newBuilder().setName(name).setRole("engineer").setOutputArtifact(name + "_out");
    }
}
