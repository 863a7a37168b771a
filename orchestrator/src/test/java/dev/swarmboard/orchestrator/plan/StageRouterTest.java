package dev.swarmboard.orchestrator.plan;

import static dev.swarmboard.orchestrator.Fixtures.lane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.orchestrator.Fixtures;
import dev.swarmboard.orchestrator.tokens.TokenDefaults;
import dev.swarmboard.orchestrator.workflow.BuiltInWorkflows;
import dev.swarmboard.orchestrator.workflow.Phase;
import dev.swarmboard.orchestrator.workflow.Workflow;
import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.ModelRoute;
import dev.swarmboard.schema.StageSetting;
import dev.swarmboard.schema.StagePlan;
import dev.swarmboard.schema.StageType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        // Given a registry listing only the lane's role `planner` (big) and default (small), opting in to the default
        CapabilityRegistry registry = new CapabilityRegistry(Fixtures.registry().models(),
                Map.of("planner", "big", "default", "small"), Map.of(), true);
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
    void shouldNotServeAnUnlistedLaneRoleWithTheDefaultWithoutTheOptIn() {
        // Given a registry with a default role that does not opt in to serving unknown roles
        CapabilityRegistry registry = new CapabilityRegistry(Fixtures.registry().models(),
                Map.of("planner", "big", "default", "small"), Map.of());
        Workflow workflow = new Workflow("w", "", List.of(), List.of(
                Phase.single("one", "perceive", "", "a", ContextStrategy.FRESH)));
        // When a lane with a misspelt role is routed
        RoutedLane routed = new StageRouter(registry).route(lane("w", "writter", List.of()), workflow, "lanes[0]");
        // Then nothing serves it: UNKNOWN, not the default model
        assertThat(routed.unknowns()).extracting(reason -> reason.getCode()).containsExactly("UNKNOWN");
        assertThat(routed.lane().getStages().get(0).getModels()).isEmpty();
    }

    private static final Workflow ROUTED = new Workflow("w", "", List.of(), List.of(
            new Phase("build", StageType.ROUTED, "build", List.of(), null,
                    List.of(new Phase.Route("code", "engage"), new Phase.Route("docs", "planner")), "",
                    "change", ContextStrategy.SCOPED)));

    @Test
    void shouldRouteALaneToTheRouteOfItsRoleOnly() {
        // When a lane whose role is a category of the routed phase is routed
        RoutedLane routed = router.route(lane("a", "docs", List.of()), ROUTED, "lanes[0]");
        // Then the stage keeps only that route
        assertThat(routed.lane().getStages().get(0).getModels()).extracting(ModelRoute::getCategory,
                ModelRoute::getModelKey).containsExactly(tuple("docs", "big"));
        assertThat(routed.unknowns()).isEmpty();
    }

    @Test
    void shouldFailClosedWhenNoRouteMatchesTheLaneRole() {
        // When a lane whose role is no category is routed
        RoutedLane routed = router.route(lane("a", "frontend", List.of()), ROUTED, "lanes[0]");
        // Then the lane is UNKNOWN, never sent to the first route
        assertThat(routed.lane().getStages().get(0).getModels()).isEmpty();
        assertThat(routed.unknowns()).singleElement().satisfies(reason -> {
            assertThat(reason.getCode()).isEqualTo("UNKNOWN");
            assertThat(reason.getMessage()).contains("[code, docs]").contains("'frontend'");
        });
    }

    @Test
    void shouldCapEachStageByTheMissionStageThenThePhaseThenTheEnvironment() {
        // Given a phase with its own max_tokens, another without, a mission stage setting and an environment cap
        Workflow workflow = new Workflow("w", "", List.of(), List.of(
                new Phase("react", StageType.SINGLE, "react", List.of(), null, List.of(), "", "plan",
                        ContextStrategy.FRESH, List.of(), "", null, "", 700),
                new Phase("engage", StageType.SINGLE, "engage", List.of(), null, List.of(), "plan", "report",
                        ContextStrategy.FRESH, List.of(), "", null, "big", 900),
                Phase.single("review", "judge", "report", "verdict", ContextStrategy.FRESH)));
        StageRouter capped = new StageRouter(Fixtures.registry(), new TokenDefaults(Optional.of(1200),
                Optional.empty()), Map.of()).forMission(List.of(new StageSetting("engage", 4000)));
        // When a lane is routed
        RoutedLane routed = capped.route(lane("a", "writer", List.of()), workflow, "lanes[0]");
        // Then each route records its cap and where it came from, and the phase's model serves engage
        assertThat(routed.lane().getStages()).extracting(stage -> stage.getModels().get(0))
                .extracting(ModelRoute::getModelKey, ModelRoute::getMaxTokens, ModelRoute::getMaxTokensFrom)
                .containsExactly(tuple("small", 700, "workflow phase react max_tokens"),
                        tuple("big", 4000, "mission stages.engage.max_tokens"),
                        tuple("big", 1200, "SWARM_MAX_TOKENS"));
        assertThat(routed.minimumTokens()).isEqualTo(700 + 4000 + 1200);
    }

    @Test
    void shouldRouteEnsembleProposersAJudgeAndRoutedCategories() {
        // Given an ensemble of a model key and a role, and a routed phase
        Workflow workflow = new Workflow("w", "", List.of(), List.of(
                new Phase("ideate", StageType.ENSEMBLE, "ideate", List.of("big", "engage"),
                        "judge", List.of(), "", "ideas", ContextStrategy.FRESH),
                new Phase("build", StageType.ROUTED, "build", List.of(), null,
                        List.of(new Phase.Route("code", "engage"), new Phase.Route("writer", "planner")), "ideas",
                        "change", ContextStrategy.SCOPED)));
        // When a lane is routed
        RoutedLane routed = router.route(lane("a", "writer", List.of()), workflow, "lanes[0]");
        // Then proposers, judge and the lane's category each have their model, and the tokens add up
        StagePlan ideate = routed.lane().getStages().get(0);
        assertThat(ideate.getModels()).extracting(ModelRoute::getModelKey).containsExactly("big", "small");
        assertThat(ideate.getJudge().getModelKey()).isEqualTo("big");
        assertThat(routed.lane().getStages().get(1).getModels()).extracting(ModelRoute::getCategory,
                ModelRoute::getModelKey).containsExactly(tuple("writer", "big"));
        assertThat(routed.minimumTokens()).isEqualTo(2000 + 1000 + 2000 + 2000);
        assertThat(routed.modelKeys()).containsExactly("big", "small");
    }

    private static String modelOf(RoutedLane routed) {
        return routed.lane().getStages().get(0).getModels().get(0).getModelKey();
    }
}
