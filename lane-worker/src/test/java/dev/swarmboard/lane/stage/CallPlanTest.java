package dev.swarmboard.lane.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.swarmboard.lane.validation.ArtifactYaml;
import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.ModelRoute;
import dev.swarmboard.schema.StageType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallPlanTest {

    private static ModelRoute route(String key, String category) {
        return ModelRoute.newBuilder().setModelKey(key).setProvider("scripted").setModel("scripted")
                .setCategory(category).build();
    }

    private static ResolvedStage stage(StageType type, List<ModelRoute> models) {
        return new ResolvedStage("engage", type, "engineer", models, Optional.of(route("judge", "")),
                ContextStrategy.FULL, "", "engage_report", List.of());
    }

    @Test
    void shouldSampleALoneEnsembleModelThreeTimesThenJudge() {
        // Given
        ResolvedStage stage = stage(StageType.ENSEMBLE, List.of(route("fast", "")));

        // Then
        assertThat(CallPlan.proposals(stage, "engineer")).extracting(PlannedCall::kind, PlannedCall::index)
                .containsExactly(tuple("PROPOSAL", 0),
                        tuple("PROPOSAL", 1),
                        tuple("PROPOSAL", 2));
        assertThat(CallPlan.judgment(stage).route().getModelKey()).isEqualTo("judge");
    }

    @Test
    void shouldProposeOncePerModelOfAnEnsembleOrParallelStage() {
        // Given
        List<ModelRoute> models = List.of(route("a", ""), route("b", ""));

        // Then
        assertThat(CallPlan.proposals(stage(StageType.ENSEMBLE, models), "x"))
                .extracting(call -> call.route().getModelKey()).containsExactly("a", "b");
        assertThat(CallPlan.proposals(stage(StageType.PARALLEL, models), "x"))
                .extracting(call -> call.route().getModelKey()).containsExactly("a", "b");
    }

    @Test
    void shouldRouteToTheModelOfTheLanesRoleElseTheFirst() {
        // Given
        ResolvedStage routed = stage(StageType.ROUTED, List.of(route("general", "docs"), route("coder", "engineer")));

        // Then
        assertThat(CallPlan.proposals(routed, "engineer")).extracting(call -> call.route().getModelKey())
                .containsExactly("coder");
        assertThat(CallPlan.proposals(routed, "designer")).extracting(call -> call.route().getModelKey())
                .containsExactly("general");
    }

    @Test
    void shouldJoinParallelOutputsAsYamlInModelOrder() {
        // When
        String joined = ParallelJoin.join("engage_report", List.of(new ParallelJoin.Part("a", "x: 1\ny: 2\n"),
                new ParallelJoin.Part("b", "z: 3\n")));

        // Then
        var tree = ArtifactYaml.parse(joined).tree().orElseThrow();
        assertThat(tree.at("/engage_report/parallel/0/model_key").asText()).isEqualTo("a");
        assertThat(tree.at("/engage_report/parallel/0/output").asText()).isEqualTo("x: 1\ny: 2\n");
        assertThat(tree.at("/engage_report/parallel/1/model_key").asText()).isEqualTo("b");
        assertThat(joined).isEqualTo(ParallelJoin.join("engage_report", List.of(new ParallelJoin.Part("a", "x: 1\ny: 2\n"),
                new ParallelJoin.Part("b", "z: 3\n"))));
    }
}
