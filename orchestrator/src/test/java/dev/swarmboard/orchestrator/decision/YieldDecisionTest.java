package dev.swarmboard.orchestrator.decision;

import static dev.swarmboard.orchestrator.Fixtures.mission;
import static dev.swarmboard.orchestrator.MissionScenario.payload;
import static dev.swarmboard.orchestrator.MissionScenario.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.orchestrator.MissionScenario;
import dev.swarmboard.orchestrator.state.MissionPhase;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.MissionFailed;
import dev.swarmboard.schema.event.MissionPaused;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.PlanProposed;
import dev.swarmboard.schema.event.RetryScheduled;
import java.util.List;
import org.junit.jupiter.api.Test;

class YieldDecisionTest {

    private static final String PROPOSAL = """
            lane_proposal:
              lanes:
                - {id: intro, objective: "Write the intro", role: writer, scope: [docs/]}
                - {id: usage, objective: "Write the usage", role: writer, scope: [examples/]}
            """;

    @Test
    void shouldReleaseTheOtherLanesWhenTheCanaryPasses() {
        // Given a mission whose canary alone was sent
        MissionScenario scenario = canary();
        // When the canary yields a pass
        Outcome outcome = scenario.yielded("overview", 1, true);
        // Then the rest of the plan is issued at attempt 1
        assertThat(payload(outcome, PlanIssued.class).getIssuedLanes()).containsExactly("howto", "gaps");
        assertThat(outcome.tasks()).extracting(RunLane::getTaskId).containsExactly("m1/howto/1", "m1/gaps/1");
        assertThat(scenario.yielded("overview", 1, true).isEmpty()).as("a duplicate yield changes nothing").isTrue();
    }

    @Test
    void shouldPauseForADecisionWhenTheCanaryFailsAndReleaseTheRestOnApproval() {
        // Given a mission whose canary alone was sent
        MissionScenario scenario = canary();
        // When the canary's Yield fails a tripwire
        Outcome outcome = scenario.yielded("overview", 1, false,
                new CheckResult("placeholder_scan", false, "TODO in engage_report"));
        // Then the plan is proposed again and the mission waits for a canary decision
        assertThat(types(outcome)).containsExactly("PlanProposed", "MissionPaused");
        assertThat(payload(outcome, MissionPaused.class).getAwaiting()).isEqualTo("CANARY_DECISION");
        assertThat(payload(outcome, PlanProposed.class).getReasons()).extracting(Reason::getCode)
                .containsExactly("CANARY_FAILED", "LANE_FAILED");
        // And an approval releases the other lanes
        Outcome approved = scenario.approve("");
        assertThat(types(approved)).containsExactly("MissionResumed", "PlanIssued");
        assertThat(approved.tasks()).extracting(RunLane::getTaskId).containsExactly("m1/howto/1", "m1/gaps/1");
    }

    @Test
    void shouldCancelAfterAFailedCanaryWhenToldTo() {
        MissionScenario scenario = canary();
        scenario.laneFailed("overview", 1, new Reason("BUDGET", "engage", "over budget", List.of()));

        assertThat(types(scenario.cancel("canary was wrong"))).containsExactly("MissionCancelled");
        assertThat(scenario.state().phase()).isEqualTo(MissionPhase.CANCELLED);
    }

    @Test
    void shouldSteerNothingWithOrdinaryLaneYields() {
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(mission("m1").build());

        assertThat(scenario.yielded("howto", 1, false).isEmpty()).isTrue();
    }

    @Test
    void shouldIssueTheValidatedProposalAsASupersedingPlan() {
        // Given a mission without lanes, whose planning lane was sent
        MissionScenario scenario = planning(false);
        // When the planning lane yields a valid proposal
        Outcome outcome = scenario.proposal(1, PROPOSAL);
        // Then the proposed lanes are issued as plan 2, superseding plan 1, each at attempt 1
        PlanIssued issued = payload(outcome, PlanIssued.class);
        assertThat(issued.getPlan().getPlanId()).isEqualTo("m1/plan-2");
        assertThat(issued.getPlan().getSupersedes()).isEqualTo("m1/plan-1");
        assertThat(issued.getPlan().getWorkflow()).isEqualTo("prey");
        assertThat(issued.getPlan().getLanes()).extracting(PlannedLane::getLaneId).containsExactly("intro", "usage");
        assertThat(outcome.tasks()).extracting(RunLane::getTaskId).containsExactly("m1/intro/1", "m1/usage/1");
        assertThat(scenario.state().progress().orElseThrow().planId()).isEqualTo("m1/plan-2");
    }

    @Test
    void shouldReRunThePlanningLaneWithTheReasonsWhenItsProposalIsInvalid() {
        // Given a mission without lanes
        MissionScenario scenario = planning(false);
        // When the proposal names a lane outside the mission scope and an unknown tool
        Outcome outcome = scenario.proposal(1, """
                lanes:
                  - {id: intro, objective: "Write", role: writer, scope: [src/], tools: [hammer]}
                """);
        // Then the planning lane is re-run, and told exactly what was wrong
        RetryScheduled retry = payload(outcome, RetryScheduled.class);
        assertThat(retry.getLanes()).containsExactly("orchestrate");
        assertThat(retry.getReasons()).extracting(Reason::getCode)
                .containsExactlyInAnyOrder("SCOPE_OUTSIDE_MISSION", "UNKNOWN");
        assertThat(outcome.tasks()).singleElement().satisfies(task -> {
            assertThat(task.getTaskId()).isEqualTo("m1/orchestrate/2");
            assertThat(task.getRetryReasons()).anyMatch(reason -> reason.contains("hammer"));
        });
    }

    @Test
    void shouldReRunThePlanningLaneWhenItsOutputIsNotAProposal() {
        MissionScenario scenario = planning(false);

        Outcome outcome = scenario.proposal(1, "We should write three sections.");

        assertThat(payload(outcome, RetryScheduled.class).getReasons()).extracting(Reason::getCode)
                .containsOnly("PROPOSAL_INVALID");
    }

    @Test
    void shouldFailTheMissionWhenThePlanningLaneKeepsFailing() {
        // Given a mission without lanes that allows no re-run
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(mission("m1").setLanes(List.of()).setMaxReruns(0).build());
        // When the planning lane fails
        Outcome outcome = scenario.laneFailed("orchestrate", 1, new Reason("MODEL_ERROR", "orchestrate", "429",
                List.of()));
        // Then the mission fails
        assertThat(payload(outcome, MissionFailed.class).getFailingLanes()).containsExactly("orchestrate");
    }

    @Test
    void shouldProposeTheLanesWhenTheMissionAsksForConfirmation() {
        MissionScenario scenario = planning(true);
        // The mission paused for confirmation of plan 1 first; approve it to send the planning lane
        scenario.approve("");

        Outcome outcome = scenario.proposal(1, PROPOSAL);

        assertThat(types(outcome)).containsExactly("PlanProposed", "MissionPaused");
        assertThat(payload(outcome, PlanProposed.class).getPlan().getPlanId()).isEqualTo("m1/plan-2");
        Outcome approved = scenario.approve("m1/plan-2");
        assertThat(approved.tasks()).extracting(RunLane::getTaskId).containsExactly("m1/intro/1", "m1/usage/1");
    }

    private static MissionScenario canary() {
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(mission("m1").setCanaryLane("*").build());
        return scenario;
    }

    private static MissionScenario planning(boolean confirm) {
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(mission("m1").setLanes(List.of()).setConstraints(Constraints.newBuilder(
                mission("m1").getConstraints()).setRequiresConfirmation(confirm).build()).build());
        return scenario;
    }
}
