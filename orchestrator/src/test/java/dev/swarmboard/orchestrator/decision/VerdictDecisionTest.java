package dev.swarmboard.orchestrator.decision;

import static dev.swarmboard.orchestrator.Fixtures.NOW;
import static dev.swarmboard.orchestrator.Fixtures.mission;
import static dev.swarmboard.orchestrator.MissionScenario.payload;
import static dev.swarmboard.orchestrator.MissionScenario.types;
import static dev.swarmboard.orchestrator.MissionScenario.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.swarmboard.orchestrator.MissionScenario;
import dev.swarmboard.orchestrator.state.MissionPhase;
import dev.swarmboard.schema.KeyValue;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.Escalation;
import dev.swarmboard.schema.event.MissionFailed;
import dev.swarmboard.schema.event.RetryScheduled;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictDecisionTest {

    @Test
    void shouldReRunOnlyTheFailingLanesWithAShrunkScopeAndTheReasons() {
        // Given a running mission whose round 1 fails for lane howto (scope docs/, examples/)
        MissionScenario scenario = running(3);
        // When the FAIL verdict arrives
        Outcome outcome = scenario.verdict(1, "FAIL", List.of("howto"),
                vote("immunizer", true, List.of()),
                vote("verifier_aux", false, List.of("howto"), "placeholder_scan failed in engage_report"),
                vote("disruptor", false, List.of("howto"), "evidence missing"));
        // Then only howto is re-run, at attempt 2, on the first half of its scope, told why
        RetryScheduled retry = payload(outcome, RetryScheduled.class);
        assertThat(retry.getRound()).isEqualTo(2);
        assertThat(retry.getLanes()).containsExactly("howto");
        assertThat(retry.getScopes()).containsExactly(new KeyValue("howto", "docs/"));
        assertThat(retry.getReasons()).extracting(Reason::getCode, Reason::getField).containsExactly(
                tuple("VOTE_FAILED", "verifier_aux"),
                tuple("VOTE_FAILED", "disruptor"));
        assertThat(outcome.tasks()).singleElement().satisfies(task -> {
            assertThat(task.getTaskId()).isEqualTo("m1/howto/2");
            assertThat(task.getAttempt()).isEqualTo(2);
            assertThat(task.getScope()).containsExactly("docs/");
            assertThat(task.getRetryReasons()).containsExactly(
                    "verifier_aux: placeholder_scan failed in engage_report", "disruptor: evidence missing");
        });
    }

    @Test
    void shouldIgnoreADuplicateVerdict() {
        MissionScenario scenario = running(3);
        scenario.verdict(1, "FAIL", List.of("howto"), vote("verifier_aux", false, List.of("howto"), "x"));

        Outcome again = scenario.verdict(1, "FAIL", List.of("howto"),
                vote("verifier_aux", false, List.of("howto"), "x"));

        assertThat(again.isEmpty()).isTrue();
        assertThat(scenario.state().progress().orElseThrow().rerunsUsed()).isEqualTo(1);
    }

    @Test
    void shouldFailTheMissionAndEscalateAfterTheLastReRun() {
        // Given a mission allowing one re-run, whose round 1 failed and was re-run
        MissionScenario scenario = running(1);
        scenario.verdict(1, "FAIL", List.of("gaps"), vote("verifier_aux", false, List.of("gaps"), "missing"));
        // When round 2 fails too
        Outcome outcome = scenario.verdict(2, "FAIL", List.of("gaps"), vote("verifier_aux", false, List.of("gaps"),
                "still missing"));
        // Then the mission fails with the reasons and the critical contact hears of it
        assertThat(types(outcome)).containsExactly("MissionFailed", "Escalation");
        assertThat(outcome.tasks()).isEmpty();
        MissionFailed failed = payload(outcome, MissionFailed.class);
        assertThat(failed.getReasons()).extracting(Reason::getCode).containsExactly("RERUNS_EXHAUSTED", "VOTE_FAILED");
        assertThat(failed.getFailingLanes()).containsExactly("gaps");
        Escalation escalation = payload(outcome, Escalation.class);
        assertThat(escalation.getSeverity()).isEqualTo("CRITICAL");
        assertThat(escalation.getContact()).isEqualTo("oncall@example.org");
        assertThat(scenario.state().phase()).isEqualTo(MissionPhase.FAILED);
    }

    @Test
    void shouldFailOnTimeoutWhenTheDeadlineHasPassedEvenWithReRunsLeft() {
        MissionScenario scenario = running(3);
        scenario.at(NOW.plus(Duration.ofMinutes(31)));

        Outcome outcome = scenario.verdict(1, "FAIL", List.of(), vote("verifier_aux", false, List.of(), "late"));

        assertThat(payload(outcome, MissionFailed.class).getReasons().get(0).getCode()).isEqualTo("DEADLINE_PASSED");
        assertThat(payload(outcome, Escalation.class).getSeverity()).isEqualTo("TIMEOUT");
        assertThat(payload(outcome, Escalation.class).getContact()).isEqualTo("boss@example.org");
    }

    @Test
    void shouldReRunEveryLaneWhenTheVerdictNamesNone() {
        MissionScenario scenario = running(3);

        Outcome outcome = scenario.verdict(1, "FAIL", List.of(), vote("immunizer", false, List.of(), "policy"));

        assertThat(outcome.tasks()).extracting(RunLane::getTaskId)
                .containsExactly("m1/overview/2", "m1/howto/2", "m1/gaps/2");
    }

    @Test
    void shouldKeepTheScopeWhenTheMissionSaysNotToShrinkIt() {
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(mission("m1").setShrinkScopeOnRetry(false).build());

        Outcome outcome = scenario.verdict(1, "FAIL", List.of("howto"),
                vote("disruptor", false, List.of("howto"), "x"));

        assertThat(outcome.tasks().get(0).getScope()).containsExactly("docs/", "examples/");
    }

    @Test
    void shouldDoNothingOnAPassOrOnAVerdictForAnotherPlanOrAPausedMission() {
        assertThat(running(3).verdict(1, "PASS", List.of()).isEmpty()).isTrue();

        MissionScenario canary = MissionScenario.of("m1");
        canary.submit(mission("m1").setCanaryLane("*").build());
        assertThat(canary.verdict(1, "FAIL", List.of("overview"), vote("disruptor", false, List.of(), "x")).isEmpty())
                .as("a round cannot be complete while lanes wait behind the canary").isTrue();
    }

    private static MissionScenario running(int maxReruns) {
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(mission("m1").setMaxReruns(maxReruns).build());
        return scenario;
    }
}
