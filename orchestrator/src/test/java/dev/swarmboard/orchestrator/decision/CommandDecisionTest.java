package dev.swarmboard.orchestrator.decision;

import static dev.swarmboard.orchestrator.Fixtures.mission;
import static dev.swarmboard.orchestrator.MissionScenario.payload;
import static dev.swarmboard.orchestrator.MissionScenario.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.orchestrator.MissionScenario;
import dev.swarmboard.orchestrator.state.MissionPhase;
import dev.swarmboard.orchestrator.validation.MissionLimits;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.MissionCancelled;
import dev.swarmboard.schema.event.MissionRejected;
import dev.swarmboard.schema.event.MissionResumed;
import dev.swarmboard.schema.event.PlanIssued;
import org.junit.jupiter.api.Test;

class CommandDecisionTest {

    @Test
    void shouldIssueTheProposedPlanWhenApproved() {
        // Given a mission paused for confirmation
        MissionScenario scenario = paused();
        // When it is approved
        Outcome outcome = scenario.approve("");
        // Then it resumes, the proposed plan is issued and its lanes run
        assertThat(types(outcome)).containsExactly("MissionResumed", "PlanIssued");
        assertThat(payload(outcome, MissionResumed.class).getApprovedBy()).isEqualTo("alice");
        assertThat(payload(outcome, PlanIssued.class).getPlan().getPlanId()).isEqualTo("m1/plan-1");
        assertThat(outcome.tasks()).extracting(RunLane::getAttempt).containsExactly(1, 1, 1);
        assertThat(scenario.state().phase()).isEqualTo(MissionPhase.RUNNING);
    }

    @Test
    void shouldCancelAPausedMissionWithItsRevertPath() {
        MissionScenario scenario = paused();

        Outcome outcome = scenario.cancel("not now");

        MissionCancelled cancelled = payload(outcome, MissionCancelled.class);
        assertThat(cancelled.getReason()).isEqualTo("not now");
        assertThat(cancelled.getCancelledBy()).isEqualTo("alice");
        assertThat(cancelled.getRevertPath()).first().asString().startsWith("stop plan m1/plan-1");
        assertThat(outcome.tasks()).isEmpty();
        assertThat(scenario.state().phase()).isEqualTo(MissionPhase.CANCELLED);
    }

    @Test
    void shouldRefuseACancelReasonOverTheLimitAndKeepTheMissionRunning() {
        // Given a running mission
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(mission("m1").build());
        // When a cancel arrives with a reason one byte over the limit
        Outcome outcome = scenario.cancel("x".repeat(MissionLimits.NOTE_BYTES + 1));
        // Then it is refused naming the limit, and the mission goes on
        Reason reason = payload(outcome, MissionRejected.class).getReasons().get(0);
        assertThat(reason.getCode()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(reason.getMessage()).isEqualTo("the reason is over the limit of 1000 bytes (UTF-8)");
        assertThat(scenario.state().phase()).isEqualTo(MissionPhase.RUNNING);
    }

    @Test
    void shouldCancelARunningMission() {
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(mission("m1").build());

        assertThat(types(scenario.cancel("wrong goal"))).containsExactly("MissionCancelled");
    }

    @Test
    void shouldAnswerAnApprovalOfAMissionThatIsNotPausedWithAReason() {
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(mission("m1").build());

        Outcome outcome = scenario.approve("");

        assertThat(codes(outcome)).containsExactly("NOT_PAUSED");
        assertThat(outcome.events().get(0).getHeader().getCausationId()).isEqualTo(scenario.lastCommandId());
        assertThat(scenario.state().phase()).as("the answer does not end the mission").isEqualTo(MissionPhase.RUNNING);
    }

    @Test
    void shouldAnswerCommandsForAnUnknownMissionWithAReason() {
        assertThat(codes(MissionScenario.of("ghost").approve(""))).containsExactly("UNKNOWN_MISSION");
        assertThat(codes(MissionScenario.of("ghost").cancel("why"))).containsExactly("UNKNOWN_MISSION");
    }

    @Test
    void shouldRefuseToCancelAMissionThatHasEnded() {
        MissionScenario scenario = paused();
        scenario.cancel("first");

        assertThat(codes(scenario.cancel("second"))).containsExactly("ALREADY_ENDED");
    }

    @Test
    void shouldRefuseAnApprovalOfAnotherPlan() {
        MissionScenario scenario = paused();

        Outcome outcome = scenario.approve("m1/plan-9");

        assertThat(codes(outcome)).containsExactly("STALE_PLAN");
        assertThat(scenario.state().phase()).isEqualTo(MissionPhase.PAUSED);
    }

    private static MissionScenario paused() {
        MissionScenario scenario = MissionScenario.of("m1");
        MissionSpec spec = mission("m1").setConstraints(Constraints.newBuilder(mission("m1").getConstraints())
                .setRequiresConfirmation(true).build()).build();
        scenario.submit(spec);
        return scenario;
    }

    private static java.util.List<String> codes(Outcome outcome) {
        return payload(outcome, MissionRejected.class).getReasons().stream().map(Reason::getCode).toList();
    }
}
