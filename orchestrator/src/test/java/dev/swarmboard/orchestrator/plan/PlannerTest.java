package dev.swarmboard.orchestrator.plan;

import static dev.swarmboard.orchestrator.Fixtures.NOW;
import static dev.swarmboard.orchestrator.Fixtures.mission;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.orchestrator.Fixtures;
import dev.swarmboard.orchestrator.validation.MissionValidator;
import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private final MissionValidator validator = Fixtures.validator();

    @Test
    void shouldCarryBudgetsDeadlineQuorumSettingsAndARevertPath() {
        // Given a valid mission
        MissionSpec spec = mission("m1").setQuorumThreshold(3).setMaxReruns(1).setShrinkScopeOnRetry(false).build();
        // When it is planned
        Plan plan = plan(spec);
        // Then the plan is declarative and complete
        assertThat(plan.getPlanId()).isEqualTo("m1/plan-1");
        assertThat(plan.getWorkflow()).isEqualTo("prey");
        assertThat(plan.getLanes()).extracting(PlannedLane::getLaneId).containsExactly("overview", "howto", "gaps");
        assertThat(plan.getDeadline()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(plan.getTokenBudget()).isEqualTo(60_000L);
        assertThat(plan.getCostBudgetUsd()).isEqualTo(1.0);
        assertThat(plan.getQuorumThreshold()).isEqualTo(3);
        assertThat(plan.getQuorumSize()).isEqualTo(3);
        assertThat(plan.getMaxReruns()).isEqualTo(1);
        assertThat(plan.getShrinkScopeOnRetry()).isFalse();
        assertThat(plan.getCanaryLaneId()).isNull();
        assertThat(plan.getRevertPath()).hasSize(5);
        assertThat(plan.getRevertPath().get(0)).startsWith("stop plan m1/plan-1");
        assertThat(plan.getRevertPath().get(4)).contains("audit record");
    }

    @Test
    void shouldNameTheRevertStepsOfLanesWithTools() {
        LaneSpec withTools = LaneSpec.newBuilder(Fixtures.lane("a", "writer", List.of("docs/")))
                .setTools(List.of("unit-tests")).build();
        MissionSpec spec = mission("m1").setLanes(List.of(withTools,
                Fixtures.lane("b", "writer", List.of("docs/")))).build();

        List<String> revert = plan(spec).getRevertPath();

        assertThat(revert.get(1)).isEqualTo("lane a: undo what tools [unit-tests] changed inside scope [docs/]");
        assertThat(revert.get(2)).startsWith("lane b: wrote only artifacts");
    }

    @Test
    void shouldPickTheCanary() {
        assertThat(plan(mission("m1").setCanaryLane("*").build()).getCanaryLaneId()).isEqualTo("overview");
        assertThat(plan(mission("m1").setCanaryLane("gaps").build()).getCanaryLaneId()).isEqualTo("gaps");
        MissionSpec single = mission("m1").setCanaryLane("*")
                .setLanes(List.of(Fixtures.lane("only", "writer", List.of()))).build();
        assertThat(plan(single).getCanaryLaneId()).as("a one-lane plan has nothing to hold back").isNull();
    }

    @Test
    void shouldPlanAMissionWithoutLanesAsThePlanningLane() {
        Plan plan = plan(mission("m1").setLanes(List.of()).setCanaryLane("*").build());

        assertThat(Planner.isPlanning(plan)).isTrue();
        assertThat(plan.getLanes()).extracting(PlannedLane::getLaneId).containsExactly("orchestrate");
        assertThat(plan.getLanes().get(0).getScope()).containsExactly("docs/", "examples/");
        assertThat(plan.getCanaryLaneId()).as("the canary applies to the proposed lanes").isNull();
    }

    @Test
    void shouldSupersedeAnEarlierPlan() {
        MissionSpec spec = mission("m1").build();

        Plan plan = Planner.plan(spec, validator.validate(spec, NOW, NOW), 2, "m1/plan-1");

        assertThat(plan.getPlanId()).isEqualTo("m1/plan-2");
        assertThat(plan.getVersion()).isEqualTo(2);
        assertThat(plan.getSupersedes()).isEqualTo("m1/plan-1");
    }

    private Plan plan(MissionSpec spec) {
        return Planner.plan(spec, validator.validate(spec, NOW, NOW), 1, null);
    }
}
