package dev.swarmboard.lane.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.ModelRoute;
import dev.swarmboard.schema.StageType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnsembleCallPlanTest {

    private static ModelRoute route(String key) {
        return ModelRoute.newBuilder().setModelKey(key).setProvider("scripted").setModel("scripted").build();
    }

    private static ResolvedStage ensemble(List<ModelRoute> models, EnsembleMode mode) {
        return new ResolvedStage("plan", StageType.ENSEMBLE, "plan", models, Optional.of(route("judge")),
                ContextStrategy.FRESH, "", "plan", List.of(), mode);
    }

    @Test
    void shouldSampleEachModelAsOftenAsThePlanSays() {
        // Given one model sampled twice, and two models sampled twice each
        ResolvedStage lone = ensemble(List.of(route("a")), new EnsembleMode(2, "sequential"));
        ResolvedStage pair = ensemble(List.of(route("a"), route("b")), new EnsembleMode(2, ""));
        // Then the proposals are indexed in model order
        assertThat(CallPlan.proposals(lone, "x")).extracting(PlannedCall::index, call -> call.route().getModelKey())
                .containsExactly(tuple(0, "a"), tuple(1, "a"));
        assertThat(CallPlan.proposals(pair, "x")).extracting(call -> call.route().getModelKey())
                .containsExactly("a", "a", "b", "b");
    }

    @Test
    void shouldKeepThreeSamplesOfALoneModelForAPlanWithoutSamples() {
        assertThat(CallPlan.proposals(ensemble(List.of(route("a")), EnsembleMode.DEFAULT), "x")).hasSize(3);
    }

    @Test
    void shouldKnowOnlyParallelAndSequential() {
        assertThat(new EnsembleMode(0, "").known()).isTrue();
        assertThat(new EnsembleMode(0, "sequential").sequential()).isTrue();
        assertThat(new EnsembleMode(0, "shuffled").known()).isFalse();
    }
}
