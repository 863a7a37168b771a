package dev.swarmboard.orchestrator.validation;

import static dev.swarmboard.orchestrator.Fixtures.NOW;
import static dev.swarmboard.orchestrator.Fixtures.lane;
import static dev.swarmboard.orchestrator.Fixtures.mission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.orchestrator.Fixtures;
import dev.swarmboard.orchestrator.workflow.WorkflowCatalogue;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.KeyValue;
import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class MissionValidatorTest {

    private final MissionValidator validator = Fixtures.validator();

    @Test
    void shouldAcceptAValidMissionAndRouteEveryLane() {
        // Given a valid three-lane mission
        // When it is validated
        Validation validation = validator.validate(mission("m1").build(), NOW, NOW);
        // Then nothing is wrong, the duration deadline counts from submission and every lane is routed
        assertThat(validation.reasons()).isEmpty();
        assertThat(validation.deadline()).contains(NOW.plus(Duration.ofMinutes(30)));
        assertThat(validation.lanes()).extracting(lane -> lane.lane().getLaneId())
                .containsExactly("overview", "howto", "gaps");
    }

    @Test
    void shouldRejectAnEmptyGoalAndABadMissionId() {
        MissionSpec spec = mission("bad id!").setGoal("  ").build();

        assertThat(codes(spec)).containsExactlyInAnyOrder(tuple("INVALID_ID", "id"), tuple("EMPTY_GOAL", "goal"));
    }

    @Test
    void shouldRejectDuplicateLaneIdsEmptyObjectivesAndTheReservedLaneId() {
        MissionSpec spec = withLanes(lane("a", "writer", List.of("docs/")), lane("a", "writer", List.of("docs/")),
                LaneSpec.newBuilder(lane("orchestrate", "writer", List.of())).setObjective("").build());

        assertThat(codes(spec)).containsExactlyInAnyOrder(tuple("DUPLICATE_LANE_ID", "lanes[1].id"),
                tuple("INVALID_ID", "lanes[2].id"), tuple("EMPTY_OBJECTIVE", "lanes[2].objective"));
    }

    @Test
    void shouldRejectAnUnknownRoleWithTheRegistryEntriesAsWitnesses() {
        // Given a registry without a default role, and a lane whose role it does not list
        MissionValidator strict = new MissionValidator(Fixtures.registry(false), Fixtures.workflows());
        MissionSpec spec = withLanes(lane("a", "astrologer", List.of("docs/")));
        // When it is validated
        List<Reason> reasons = strict.validate(spec, NOW, NOW).rejections();
        // Then the role is UNKNOWN, and the witnesses name what would resolve it
        assertThat(reasons).extracting(Reason::getCode, Reason::getField)
                .containsExactly(tuple("UNKNOWN", "lanes[0].role"));
        assertThat(reasons.get(0).getWitnesses())
                .containsExactly("registry entry roles.astrologer",
                        "registry entries roles.default and default_for_unknown_roles: true");
    }

    @Test
    void shouldRejectAStageModelTheRegistryDoesNotKnow() {
        // Given no default role and an ensemble whose proposers are `engage` and `oracle`, which is neither
        // a registered model nor a listed role
        MissionValidator strict = new MissionValidator(Fixtures.registry(false),
                WorkflowCatalogue.of(List.of(ExampleWorkflows.ensembleNaming("oracle"))));
        MissionSpec spec = MissionSpec.newBuilder(withLanes(lane("a", "engage", List.of("docs/"))))
                .setWorkflow(ExampleWorkflows.NAME).build();
        // When it is validated
        List<Reason> reasons = strict.validate(spec, NOW, NOW).rejections();
        // Then the unknown proposer is UNKNOWN, with the model and role entries as witnesses
        assertThat(reasons).extracting(Reason::getCode, Reason::getField).containsExactly(tuple("UNKNOWN", "lanes[0]"));
        assertThat(reasons.get(0).getMessage()).contains("stage ideate", "'oracle'");
        assertThat(reasons.get(0).getWitnesses()).containsExactly("registry entry models.oracle",
                "registry entry roles.oracle");
    }

    @Test
    void shouldRejectUnknownToolsWorkflowsAndCapabilities() {
        MissionSpec spec = MissionSpec.newBuilder(withLanes(
                        LaneSpec.newBuilder(lane("a", "writer", List.of("docs/"))).setTools(List.of("rm-rf")).build(),
                        LaneSpec.newBuilder(lane("b", "writer", List.of("docs/"))).setWorkflow("dance").build()))
                .setConstraints(constraints(c -> c.setAllowedCapabilities(List.of("small", "teleport"))))
                .build();

        List<Reason> reasons = validator.validate(spec, NOW, NOW).rejections();

        assertThat(reasons).extracting(Reason::getCode, Reason::getField).containsExactlyInAnyOrder(
                tuple("UNKNOWN", "lanes[0].tools[0]"), tuple("UNKNOWN", "lanes[1].workflow"),
                tuple("UNKNOWN", "constraints.allowed_capabilities[1]"));
        assertThat(reasons).flatExtracting(Reason::getWitnesses).contains("registry entry tools.rm-rf",
                "workflow file dance.yaml in the workflows directory", "registry entry models.teleport");
    }

    @Test
    void shouldRejectAnUnknownMissionWorkflow() {
        assertThat(codes(mission("m1").setWorkflow("dance").build())).containsExactly(tuple("UNKNOWN", "workflow"));
    }

    @Test
    void shouldRejectToolsAndModelsOutsideTheAllowedCapabilities() {
        // Given allowed capabilities that list the small model only, and the plan workflow (its check: judge, big)
        MissionSpec spec = MissionSpec.newBuilder(withLanes(
                        LaneSpec.newBuilder(lane("a", "writer", List.of("docs/"))).setTools(List.of("unit-tests"))
                                .build()))
                .setWorkflow("plan")
                .setConstraints(constraints(c -> c.setAllowedCapabilities(List.of("small"))))
                .build();
        // When it is validated, then neither the tool nor the big model is allowed
        assertThat(codes(spec)).containsExactlyInAnyOrder(tuple("CAPABILITY_NOT_ALLOWED", "lanes[0].tools[0]"),
                tuple("CAPABILITY_NOT_ALLOWED", "lanes[0]"));
    }

    @Test
    void shouldRejectMissionPhaseModelsOutsideTheAllowedCapabilities() {
        // Given a mission without lanes on the plan workflow, whose mission phases the big planner serves
        MissionSpec spec = MissionSpec.newBuilder(withLanes()).setWorkflow("plan")
                .setConstraints(constraints(c -> c.setAllowedCapabilities(List.of("small"))))
                .build();
        // When it is validated, then the planning lane that runs those phases is refused
        assertThat(codes(spec)).containsExactly(tuple("CAPABILITY_NOT_ALLOWED", "lanes"));
    }

    @Test
    void shouldRejectAnUnparseableDeadlineAndADeadlineThatHasPassed() {
        assertThat(codes(mission("m1").setConstraints(constraints(c -> c.setDeadline("tomorrow"))).build()))
                .containsExactly(tuple("INVALID_DEADLINE", "constraints.deadline"));
        assertThat(codes(mission("m1").setConstraints(constraints(c -> c.setDeadline("PT-5M"))).build()))
                .containsExactly(tuple("INVALID_DEADLINE", "constraints.deadline"));
        assertThat(codes(mission("m1").setConstraints(constraints(c -> c.setDeadline("2029-12-31T00:00:00Z"))).build()))
                .containsExactly(tuple("DEADLINE_PASSED", "constraints.deadline"));
    }

    @Test
    void shouldRejectABudgetSmallerThanTheCheapestLaneNeeds() {
        // Given prey lanes of three stages served by the 1000-token model: each lane needs 3000 tokens
        MissionSpec tooSmall = mission("m1").setConstraints(constraints(c -> c.setTokenBudget(2999L))).build();
        MissionSpec enough = mission("m1").setConstraints(constraints(c -> c.setTokenBudget(3000L))).build();

        assertThat(codes(tooSmall)).containsExactly(tuple("BUDGET_IMPOSSIBLE", "constraints.token_budget"));
        assertThat(codes(enough)).isEmpty();
    }

    @Test
    void shouldRejectANonPositiveTokenBudgetAndANegativeCostBudget() {
        MissionSpec spec = mission("m1").setConstraints(constraints(c -> c.setTokenBudget(0L).setCostBudgetUsd(-0.5)))
                .build();

        assertThat(codes(spec)).containsExactlyInAnyOrder(tuple("BUDGET_IMPOSSIBLE", "constraints.token_budget"),
                tuple("BUDGET_IMPOSSIBLE", "constraints.cost_budget_usd"));
    }

    @Test
    void shouldRejectQuorumAndRerunSettingsOutOfRange() {
        assertThat(codes(mission("m1").setQuorumThreshold(0).setMaxReruns(4).build())).containsExactlyInAnyOrder(
                tuple("INVALID_QUORUM", "quorum_threshold"), tuple("INVALID_MAX_RERUNS", "max_reruns"));
        assertThat(codes(mission("m1").setQuorumThreshold(4).setMaxReruns(-1).build())).containsExactlyInAnyOrder(
                tuple("INVALID_QUORUM", "quorum_threshold"), tuple("INVALID_MAX_RERUNS", "max_reruns"));
        assertThat(codes(mission("m1").setQuorumThreshold(3).setMaxReruns(0).build())).isEmpty();
    }

    @Test
    void shouldRejectALaneScopeOutsideTheMissionScope() {
        MissionSpec spec = withLanes(lane("a", "writer", List.of("src/main", "docs/../secrets", "/etc")));

        assertThat(codes(spec)).containsExactly(tuple("SCOPE_OUTSIDE_MISSION", "lanes[0].scope[0]"),
                tuple("SCOPE_OUTSIDE_MISSION", "lanes[0].scope[1]"),
                tuple("SCOPE_OUTSIDE_MISSION", "lanes[0].scope[2]"));
    }

    @Test
    void shouldLeaveAGlobScopeToAPersonInsteadOfGuessing() {
        // Given a lane scope with a glob, which a prefix check cannot place
        MissionSpec spec = withLanes(lane("a", "writer", List.of("docs/**/*.md")));
        // When it is validated
        Validation validation = validator.validate(spec, NOW, NOW);
        // Then it is not rejected but undecidable, with the witness a person would give
        assertThat(validation.rejections()).isEmpty();
        assertThat(validation.undecidable()).extracting(Reason::getCode, Reason::getField)
                .containsExactly(tuple("UNKNOWN", "lanes[0].scope[0]"));
        assertThat(validation.undecidable().get(0).getWitnesses().get(0)).startsWith("a person confirming");
    }

    @Test
    void shouldRejectACanaryThatNamesNoLane() {
        assertThat(codes(mission("m1").setCanaryLane("nope").build()))
                .containsExactly(tuple("INVALID_CANARY", "canary_lane"));
        assertThat(codes(mission("m1").setCanaryLane("*").build())).isEmpty();
        assertThat(codes(mission("m1").setCanaryLane("gaps").build())).isEmpty();
    }

    @Test
    void shouldRejectMissingUndeclaredAndDuplicateInputs() {
        // Given the feature-build workflow, which declares the input `feature`, and a lane its routes serve
        MissionSpec spec = mission("m1").setWorkflow("feature-build")
                .setLanes(List.of(lane("a", "code", List.of("docs/"))))
                .setWorkflowInputs(List.of(new KeyValue("colour", "red"), new KeyValue("colour", "blue"))).build();

        assertThat(codes(spec)).containsExactlyInAnyOrder(tuple("UNDECLARED_INPUT", "inputs.colour"),
                tuple("DUPLICATE_INPUT", "inputs.colour"), tuple("MISSING_INPUT", "inputs.feature"));
    }

    @Test
    void shouldCollectEveryReasonInOnePass() {
        MissionSpec spec = mission("m1").setGoal("").setQuorumThreshold(9)
                .setConstraints(constraints(c -> c.setDeadline("soon").setTokenBudget(-1L))).build();

        assertThat(validator.validate(spec, NOW, NOW).rejections()).extracting(Reason::getCode)
                .containsExactlyInAnyOrder("EMPTY_GOAL", "INVALID_QUORUM", "INVALID_DEADLINE", "BUDGET_IMPOSSIBLE");
    }

    @Test
    void shouldPlanAMissionWithoutLanesThroughThePlanningLane() {
        // Given a mission without lanes
        MissionSpec spec = mission("m1").setLanes(List.of()).build();
        // When it is validated
        Validation validation = validator.validate(spec, NOW, NOW);
        // Then its one lane is the planning lane, served by the planner's model
        assertThat(validation.reasons()).isEmpty();
        assertThat(validation.lanes()).singleElement().satisfies(lane -> {
            assertThat(lane.lane().getLaneId()).isEqualTo("orchestrate");
            assertThat(lane.modelKeys()).containsExactly("big");
            assertThat(lane.lane().getRequiredArtifacts()).containsExactly("lane_proposal");
        });
    }

    @Test
    void shouldRejectAPlanningLaneNoModelServes() {
        // Given a registry that serves neither planner nor default, and a mission without lanes
        CapabilityRegistry registry = new CapabilityRegistry(Fixtures.registry().models(), Map.of("engage", "small"),
                Fixtures.registry().tools());
        MissionValidator strict = new MissionValidator(registry, WorkflowCatalogue.builtIn());
        // When it is validated
        List<Reason> reasons = strict.validate(mission("m1").setLanes(List.of()).build(), NOW, NOW).rejections();
        // Then the planning lane is UNKNOWN
        assertThat(reasons).extracting(Reason::getCode, Reason::getField).containsExactly(tuple("UNKNOWN", "lanes"));
        assertThat(reasons.get(0).getWitnesses()).contains("registry entry roles.planner");
    }

    private List<Tuple> codes(MissionSpec spec) {
        return validator.validate(spec, NOW, NOW).rejections().stream()
                .map(reason -> tuple(reason.getCode(), reason.getField())).toList();
    }

    private static MissionSpec withLanes(LaneSpec... lanes) {
        return mission("m1").setLanes(List.of(lanes)).build();
    }

    private static Constraints constraints(UnaryOperator<Constraints.Builder> change) {
        return change.apply(Constraints.newBuilder(mission("m1").getConstraints())).build();
    }
}
