package dev.swarmboard.orchestrator.decision;

import static dev.swarmboard.orchestrator.Fixtures.lane;
import static dev.swarmboard.orchestrator.Fixtures.mission;
import static dev.swarmboard.orchestrator.MissionScenario.payload;
import static dev.swarmboard.orchestrator.MissionScenario.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.orchestrator.MissionScenario;
import dev.swarmboard.orchestrator.mission.MissionHash;
import dev.swarmboard.orchestrator.state.MissionPhase;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.MissionAccepted;
import dev.swarmboard.schema.event.MissionPaused;
import dev.swarmboard.schema.event.MissionRejected;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.PlanProposed;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionDecisionTest {

    @Test
    void shouldAcceptAValidMissionIssueItsPlanAndSendEveryLane() {
        // Given a valid three-lane mission
        MissionScenario scenario = MissionScenario.of("m1");
        MissionSpec spec = mission("m1").build();
        // When it is submitted
        Outcome outcome = scenario.submit(spec);
        // Then it is accepted with its hash, the plan is issued with all lanes, and each lane runs attempt 1
        assertThat(types(outcome)).containsExactly("MissionAccepted", "PlanIssued");
        assertThat(payload(outcome, MissionAccepted.class).getMissionHash()).isEqualTo(MissionHash.of(spec));
        assertThat(payload(outcome, PlanIssued.class).getIssuedLanes()).containsExactly("overview", "howto", "gaps");
        assertThat(outcome.tasks()).extracting(RunLane::getTaskId)
                .containsExactly("m1/overview/1", "m1/howto/1", "m1/gaps/1");
        assertThat(outcome.tasks()).extracting(LaneTasks::key).containsExactly("m1/overview", "m1/howto", "m1/gaps");
        RunLane first = outcome.tasks().get(0);
        assertThat(first.getPlanId()).isEqualTo("m1/plan-1");
        assertThat(first.getScope()).containsExactly("docs/architecture.md");
        assertThat(first.getDeadline()).isEqualTo(payload(outcome, PlanIssued.class).getPlan().getDeadline());
        assertThat(first.getTokenBudget()).isEqualTo(60_000L);
        assertThat(outcome.events()).allSatisfy(event ->
                assertThat(event.getHeader().getCausationId()).isEqualTo(scenario.lastCommandId()));
        assertThat(scenario.state().phase()).isEqualTo(MissionPhase.RUNNING);
    }

    @Test
    void shouldRejectAnInvalidMissionWithEveryReasonCausedByTheCommand() {
        MissionScenario scenario = MissionScenario.of("m1");

        Outcome outcome = scenario.submit(mission("m1").setGoal("").setMaxReruns(7).build());

        assertThat(types(outcome)).containsExactly("MissionRejected");
        assertThat(outcome.tasks()).isEmpty();
        assertThat(payload(outcome, MissionRejected.class).getReasons()).extracting(Reason::getCode)
                .containsExactlyInAnyOrder("EMPTY_GOAL", "INVALID_MAX_RERUNS");
        assertThat(outcome.events().get(0).getHeader().getCausationId()).isEqualTo(scenario.lastCommandId());
        assertThat(scenario.state().phase()).isEqualTo(MissionPhase.REJECTED);
    }

    @Test
    void shouldIgnoreAResubmissionWithTheSameContent() {
        // Given an accepted mission
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(mission("m1").build());
        // When the same mission is submitted again
        Outcome again = scenario.submit(mission("m1").build());
        // Then nothing is written
        assertThat(again.isEmpty()).isTrue();
        assertThat(again.note()).contains("same content");
    }

    @Test
    void shouldRefuseTheSameIdWithOtherContent() {
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(mission("m1").build());

        Outcome other = scenario.submit(mission("m1").setGoal("Something else").build());

        assertThat(payload(other, MissionRejected.class).getReasons()).extracting(Reason::getCode)
                .containsExactly("DUPLICATE_MISSION_ID");
        assertThat(other.events().get(0).getHeader().getCausationId()).isEqualTo(scenario.lastCommandId());
        assertThat(scenario.state().phase()).as("the first submission still stands").isEqualTo(MissionPhase.RUNNING);
    }

    @Test
    void shouldProposeAndPauseWhenTheMissionAsksForConfirmation() {
        MissionScenario scenario = MissionScenario.of("m1");
        MissionSpec spec = mission("m1").setConstraints(Constraints.newBuilder(mission("m1").getConstraints())
                .setRequiresConfirmation(true).build()).build();

        Outcome outcome = scenario.submit(spec);

        assertThat(types(outcome)).containsExactly("MissionAccepted", "PlanProposed", "MissionPaused");
        assertThat(outcome.tasks()).isEmpty();
        assertThat(payload(outcome, MissionPaused.class).getAwaiting()).isEqualTo("APPROVAL");
        assertThat(payload(outcome, PlanProposed.class).getReasons()).extracting(Reason::getCode)
                .containsExactly("CONFIRMATION_REQUIRED");
        assertThat(scenario.state().phase()).isEqualTo(MissionPhase.PAUSED);
    }

    @Test
    void shouldPauseOnACaseItCannotDecideSafely() {
        MissionScenario scenario = MissionScenario.of("m1");
        MissionSpec spec = mission("m1").setLanes(List.of(lane("a", "writer",
                List.of("docs/*.md")))).build();

        Outcome outcome = scenario.submit(spec);

        assertThat(types(outcome)).containsExactly("MissionAccepted", "PlanProposed", "MissionPaused");
        assertThat(payload(outcome, MissionPaused.class).getReasons()).extracting(Reason::getCode)
                .containsExactly("UNKNOWN");
    }

    @Test
    void shouldSendOnlyTheCanaryFirst() {
        MissionScenario scenario = MissionScenario.of("m1");

        Outcome outcome = scenario.submit(mission("m1").setCanaryLane("*").build());

        assertThat(payload(outcome, PlanIssued.class).getIssuedLanes()).containsExactly("overview");
        assertThat(payload(outcome, PlanIssued.class).getPlan().getLanes()).hasSize(3);
        assertThat(outcome.tasks()).extracting(RunLane::getTaskId).containsExactly("m1/overview/1");
    }

    @Test
    void shouldSendThePlanningLaneForAMissionWithoutLanes() {
        MissionScenario scenario = MissionScenario.of("m1");

        Outcome outcome = scenario.submit(mission("m1").setLanes(List.of()).build());

        assertThat(payload(outcome, PlanIssued.class).getPlan().getWorkflow()).isEqualTo("orchestrate");
        assertThat(outcome.tasks()).extracting(RunLane::getTaskId).containsExactly("m1/orchestrate/1");
        assertThat(outcome.tasks().get(0).getLane().getRole()).isEqualTo("planner");
    }

    @Test
    void shouldGiveTheSameEventIdsWhenTheSameCommandIsDecidedAgain() {
        // Given two orchestrators deciding the same submission (as after an aborted transaction)
        MissionSpec spec = mission("m1").build();
        List<String> first = MissionScenario.of("m1").submit(spec).events().stream().map(this::id).toList();
        List<String> second = MissionScenario.of("m1").submit(spec).events().stream().map(this::id).toList();
        // Then the facts carry the same ids, so any copy is recognisable as a duplicate
        assertThat(first).isEqualTo(second);
    }

    private String id(BlackboardEvent event) {
        return event.getHeader().getEventId();
    }
}
