package dev.swarmboard.orchestrator.state;

import static dev.swarmboard.orchestrator.Fixtures.mission;
import static dev.swarmboard.orchestrator.MissionScenario.vote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.orchestrator.MissionScenario;
import dev.swarmboard.orchestrator.decision.Outcome;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.Constraints;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissionFoldTest {

    @Test
    void shouldFoldAMissionFromItsEvents() {
        // Given the events of an accepted mission whose round 1 failed for one lane
        MissionScenario scenario = MissionScenario.of("m1");
        List<BlackboardEvent> log = new ArrayList<>(scenario.submit(mission("m1").build()).events());
        log.addAll(scenario.verdict(1, "FAIL", List.of("gaps"), vote("disruptor", false, List.of("gaps"), "x"))
                .events());
        // When they are replayed
        MissionState state = MissionState.replay("m1", log);
        // Then the state shows the plan, each lane's attempt and scope, and the re-run
        PlanProgress progress = state.progress().orElseThrow();
        assertThat(state.phase()).isEqualTo(MissionPhase.RUNNING);
        assertThat(state.spec().orElseThrow().getMissionId()).isEqualTo("m1");
        assertThat(progress.issuedLanes()).containsExactly("overview", "howto", "gaps");
        assertThat(progress.attempts()).containsEntry("overview", 1).containsEntry("gaps", 2);
        assertThat(progress.scope("gaps")).containsExactly("docs/");
        assertThat(progress.retryRounds()).containsExactly(2);
        assertThat(progress.handledRound(1)).isTrue();
        assertThat(progress.handledRound(2)).isFalse();
    }

    @Test
    void shouldIgnoreAnEventDeliveredAgainEvenOutOfOrder() {
        // Given a mission that was paused and then resumed
        MissionScenario scenario = MissionScenario.of("m1");
        Outcome paused = scenario.submit(mission("m1").setConstraints(Constraints.newBuilder(
                mission("m1").getConstraints()).setRequiresConfirmation(true).build()).build());
        scenario.approve("");
        // When the old MissionPaused is delivered again
        MissionState state = MissionFold.apply(scenario.state(), paused.events().get(2));
        // Then nothing changes: the mission is still running
        assertThat(state).isEqualTo(scenario.state());
        assertThat(state.phase()).isEqualTo(MissionPhase.RUNNING);
    }

    @Test
    void shouldStayEndedOnceEnded() {
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(mission("m1").build());
        scenario.cancel("stop");

        scenario.verdict(1, "PASS", List.of());

        assertThat(scenario.state().phase()).isEqualTo(MissionPhase.CANCELLED);
    }

    @Test
    void shouldPassOnAPassForTheLanePlanButNotForThePlanningPlan() {
        MissionScenario lanes = MissionScenario.of("m1");
        lanes.submit(mission("m1").build());
        lanes.verdict(1, "PASS", List.of());
        assertThat(lanes.state().phase()).isEqualTo(MissionPhase.PASSED);

        MissionScenario planning = MissionScenario.of("m2");
        planning.submit(mission("m2").setLanes(List.of()).build());
        planning.verdict(1, "PASS", List.of());
        assertThat(planning.state().phase()).isEqualTo(MissionPhase.RUNNING);
    }

    @Test
    void shouldRememberTheFirstSubmissionWhenALaterOneIsRefused() {
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(mission("m1").build());
        String hash = scenario.state().submissionHash().orElseThrow();

        scenario.submit(mission("m1").setGoal("other").build());

        assertThat(scenario.state().submissionHash()).contains(hash);
        assertThat(scenario.state().phase()).isEqualTo(MissionPhase.RUNNING);
    }
}
