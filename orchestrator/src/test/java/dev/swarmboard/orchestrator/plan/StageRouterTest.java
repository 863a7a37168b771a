package dev.swarmboard.orchestrator.plan;

import static dev.swarmboard.orchestrator.Fixtures.lane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.orchestrator.Fixtures;
import dev.swarmboard.orchestrator.workflow.BuiltInWorkflows;
import dev.swarmboard.orchestrator.workflow.Phase;
import dev.swarmboard.orchestrator.workflow.Workflow;
import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.ModelRoute;
import dev.swarmboard.schema.StagePlan;
import dev.swarmboard.schema.StageType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageRouterTest {

    private final StageRouter router = new StageRouter(Fixtures.registry());

    @Test
    void shouldRoutePreyStagesByTheirOwnRolesAndRunTheLaneToolsLast() {
        // Given a prey lane with a test-runner tool
        LaneSpec lane = LaneSpec.newBuilder(lane("a", "writer", List.of("docs/"))).setTools(List.of("unit-tests"))
                .build();
        // When it is routed
        RoutedLane routed = router.route(lane, BuiltInWorkflows.PREY, "lanes[0]");
        // Then each stage has its model and artifact, tools run after engage, and tests must be green
        assertThat(routed.lane().getStages()).extracting(StagePlan::getName, StagePlan::getOutputArtifact,
                StagePlan::getInput, StagePlan::getContext).containsExactly(
                tuple("perceive", "perception_snapshot", "", ContextStrategy.FRESH),
                tuple("react", "react_plan", "perception_snapshot", ContextStrategy.SCOPED),
                tuple("engage", "engage_report", "react_plan", ContextStrategy.FULL));
        assertThat(routed.lane().getStages()).extracting(StagePlan::getTools)
                .containsExactly(List.of(), List.of(), List.of("unit-tests"));
        assertThat(routed.lane().getRequiredArtifacts())
                .containsExactly("perception_snapshot", "react_plan", "engage_report");
        assertThat(routed.lane().getRequireTestsGreen()).isTrue();
        assertThat(routed.minimumTokens()).isEqualTo(3000);
        assertThat(routed.unknowns()).isEmpty();
    }

    @Test
    void shouldFallBackFromStageRoleToLaneRoleToDefault() {
        // Given a registry listing only the lane's role `planner` (big) and default (small)
        CapabilityRegistry registry = new CapabilityRegistry(Fixtures.registry().models(),
                Map.of("planner", "big", "default", "small"), Map.of());
        Workflow workflow = new Workflow("w", "", List.of(), List.of(
                Phase.single("one", "perceive", "", "a", ContextStrategy.FRESH)));
        // When a planner lane and a writer lane are routed
        String plannerModel = modelOf(new StageRouter(registry).route(lane("p", "planner", List.of()), workflow, ""));
        String writerModel = modelOf(new StageRouter(registry).route(lane("w", "writer", List.of()), workflow, ""));
        // Then the unlisted stage role falls back to the lane role, then to default
        assertThat(plannerModel).isEqualTo("big");
        assertThat(writerModel).isEqualTo("small");
    }

    @Test
    void shouldRouteEnsembleProposersAJudgeAndRoutedCategories() {
        // Given an ensemble of a model key and a role, and a routed phase
        Workflow workflow = new Workflow("w", "", List.of(), List.of(
                new Phase("ideate", StageType.ENSEMBLE, "ideate", List.of("big", "engage"),
                        "judge", List.of(), "", "ideas", ContextStrategy.FRESH),
                new Phase("build", StageType.ROUTED, "build", List.of(), null,
                        List.of(new Phase.Route("code", "engage"), new Phase.Route("docs", "planner")), "ideas",
                        "change", ContextStrategy.SCOPED)));
        // When a lane is routed
        RoutedLane routed = router.route(lane("a", "writer", List.of()), workflow, "lanes[0]");
        // Then proposers, judge and categories each have their model, and the tokens add up
        StagePlan ideate = routed.lane().getStages().get(0);
        assertThat(ideate.getModels()).extracting(ModelRoute::getModelKey).containsExactly("big", "small");
        assertThat(ideate.getJudge().getModelKey()).isEqualTo("big");
        assertThat(routed.lane().getStages().get(1).getModels()).extracting(ModelRoute::getCategory,
                ModelRoute::getModelKey).containsExactly(tuple("code", "small"), tuple("docs", "big"));
        assertThat(routed.minimumTokens()).isEqualTo(2000 + 1000 + 2000 + 1000 + 2000);
        assertThat(routed.modelKeys()).containsExactly("big", "small");
    }

    private static String modelOf(RoutedLane routed) {
        return routed.lane().getStages().get(0).getModels().get(0).getModelKey();
    }
}
