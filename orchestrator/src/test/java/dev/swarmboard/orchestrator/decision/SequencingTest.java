package dev.swarmboard.orchestrator.decision;

import static dev.swarmboard.orchestrator.Fixtures.lane;
import static dev.swarmboard.orchestrator.Fixtures.mission;
import static dev.swarmboard.orchestrator.MissionScenario.payload;
import static dev.swarmboard.orchestrator.MissionScenario.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.swarmboard.orchestrator.MissionScenario;
import dev.swarmboard.orchestrator.state.MissionPhase;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.PredecessorChange;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.Workspace;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.MissionFailed;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.RetryScheduled;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequencingTest {

    private static LaneSpec after(LaneSpec lane, String... predecessors) {
        return LaneSpec.newBuilder(lane).setAfter(List.of(predecessors)).build();
    }

    /** b and c wait for a; written b, a, c. */
    private static MissionSpec dag(int maxParallel) {
        MissionSpec base = mission("m1").build();
        return MissionSpec.newBuilder(base)
                .setLanes(List.of(
                        after(lane("b", "writer", List.of("docs/")), "a"),
                        lane("a", "writer", List.of("docs/")),
                        after(lane("c", "writer", List.of("docs/")), "a")))
                .setConstraints(Constraints.newBuilder(base.getConstraints()).setMaxParallelLanes(maxParallel)
                        .build())
                .build();
    }

    private static List<String> lanesOf(Outcome outcome) {
        return outcome.tasks().stream().map(task -> task.getLane().getLaneId()).toList();
    }

    @Test
    void shouldIssueOnlyTheLanesThatWaitForNoneAndPlanThemInSequenceOrder() {
        // Given a mission where b and c wait for a
        MissionScenario scenario = MissionScenario.of("m1");
        // When it is submitted
        Outcome outcome = scenario.submit(dag(0));
        // Then only a runs, and the plan lists a before its dependents
        assertThat(lanesOf(outcome)).containsExactly("a");
        PlanIssued issued = payload(outcome, PlanIssued.class);
        assertThat(issued.getPlan().getLanes()).extracting(PlannedLane::getLaneId).containsExactly("a", "b", "c");
        assertThat(issued.getPlan().getLanes().get(1).getAfter()).containsExactly("a");
    }

    @Test
    void shouldReleaseTheDependentsWhenTheirPredecessorPasses() {
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(dag(0));

        Outcome released = scenario.yielded("a", 1, true);

        assertThat(lanesOf(released)).containsExactly("b", "c");
        assertThat(payload(released, PlanIssued.class).getIssuedLanes()).containsExactly("b", "c");
        assertThat(scenario.yielded("b", 1, true).tasks()).isEmpty();
    }

    @Test
    void shouldCapTheLanesInFlightAtMaxParallelLanes() {
        // Given a cap of one lane in flight
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(dag(1));
        // When a passes, only b goes; c goes when b ends
        assertThat(lanesOf(scenario.yielded("a", 1, true))).containsExactly("b");
        assertThat(lanesOf(scenario.yielded("b", 1, false))).containsExactly("c");
        assertThat(scenario.yielded("c", 1, true).isEmpty()).isTrue();
    }

    @Test
    void shouldCapIndependentLanesToo() {
        MissionScenario scenario = MissionScenario.of("m1");

        Outcome outcome = scenario.submit(MissionSpec.newBuilder(mission("m1").build())
                .setConstraints(Constraints.newBuilder(mission("m1").build().getConstraints())
                        .setMaxParallelLanes(2).build()).build());

        assertThat(lanesOf(outcome)).containsExactly("overview", "howto");
        assertThat(lanesOf(scenario.yielded("howto", 1, true))).containsExactly("gaps");
    }

    @Test
    void shouldEndTheDependentsOfAFailedLaneAsBlockedSoTheRoundCanBeJudged() {
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(dag(0));

        Outcome outcome = scenario.yielded("a", 1, false);

        assertThat(outcome.tasks()).isEmpty();
        assertThat(outcome.events()).hasSize(2).allSatisfy(event -> {
            assertThat(event.getPayload()).isInstanceOf(LaneFailed.class);
            assertThat(((LaneFailed) event.getPayload()).getReasons()).extracting(Reason::getCode)
                    .containsExactly("PREDECESSOR_FAILED");
            assertThat(event.getHeader().getAttempt()).isEqualTo(1);
        });
        assertThat(outcome.events()).extracting(event -> event.getHeader().getLaneId()).containsExactly("b", "c");
    }

    @Test
    void shouldReRunADependentOnlyAfterItsPredecessorPassesAgain() {
        // Given round 1 where a failed and b, c were blocked
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(dag(0));
        scenario.yielded("a", 1, false);
        // When the FAIL verdict re-runs all three
        Outcome retry = scenario.verdict(1, "FAIL", List.of("a", "b", "c"),
                vote("verifier_aux", false, List.of("a"), "a failed"));
        // Then a runs at attempt 2 and b, c wait for it
        RetryScheduled scheduled = payload(retry, RetryScheduled.class);
        assertThat(scheduled.getLanes()).containsExactly("a", "b", "c");
        assertThat(scheduled.getHeldLanes()).containsExactly("b", "c");
        assertThat(retry.tasks()).extracting(RunLane::getTaskId).containsExactly("m1/a/2");
        // And they go at attempt 2 with the round's reasons when a passes
        Outcome released = scenario.yielded("a", 2, true);
        assertThat(released.tasks()).extracting(RunLane::getTaskId).containsExactly("m1/b/2", "m1/c/2");
        assertThat(released.tasks().get(0).getRetryReasons()).isNotEmpty();
        assertThat(payload(released, PlanIssued.class).getRound()).isEqualTo(2);
    }

    @Test
    void shouldReRunADependentAtOnceWhenItsPredecessorPassedEarlier() {
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(dag(0));
        scenario.yielded("a", 1, true);
        scenario.yielded("b", 1, false);
        scenario.yielded("c", 1, true);

        Outcome retry = scenario.verdict(1, "FAIL", List.of("b"), vote("verifier_aux", false, List.of("b"), "no"));

        assertThat(payload(retry, RetryScheduled.class).getHeldLanes()).isEmpty();
        assertThat(retry.tasks()).extracting(RunLane::getTaskId).containsExactly("m1/b/2");
    }

    @Test
    void shouldNotReRunALaneThatExhaustedTheBudget() {
        // Given lane a failed because the mission budget is spent
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(dag(0));
        scenario.laneFailed("a", 1, new Reason("BUDGET_EXCEEDED", "engage", "50000 of 60000 tokens used", List.of()));
        // When the round fails
        Outcome outcome = scenario.verdict(1, "FAIL", List.of("a", "b", "c"),
                vote("verifier_aux", false, List.of("a"), "a failed"));
        // Then the mission fails, saying a re-run cannot help
        MissionFailed failed = payload(outcome, MissionFailed.class);
        assertThat(failed.getReasons().get(0).getCode()).isEqualTo("NOT_RETRYABLE");
        assertThat(failed.getReasons().get(0).getMessage()).contains("lane a cannot pass by a re-run")
                .contains("BUDGET_EXCEEDED");
        assertThat(outcome.tasks()).isEmpty();
        assertThat(scenario.state().phase()).isEqualTo(MissionPhase.FAILED);
    }

    @Test
    void shouldStartADependentWorkspaceLaneFromEveryTransitivePredecessorsPassingChange() {
        // Given a workspace mission where c waits for b, which waits for a
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(workspaceChain());

        // When a passes at tree-a, Then b's task starts from a's change
        RunLane b = scenario.yieldedTree("a", 1, "tree-a").tasks().get(0);
        assertThat(b.getLane().getLaneId()).isEqualTo("b");
        assertThat(b.getStartFrom()).extracting(PredecessorChange::getLaneId, PredecessorChange::getAttempt,
                PredecessorChange::getTreeId).containsExactly(tuple("a", 1, "tree-a"));
        assertThat(b.getStartFrom().get(0).getYieldRef().getEventId())
                .isEqualTo(scenario.state().progress().orElseThrow().latestYield("a").orElseThrow().getEventId());

        // When b passes at tree-b, Then c starts from a's and b's changes, in plan order
        RunLane c = scenario.yieldedTree("b", 1, "tree-b").tasks().get(0);
        assertThat(c.getStartFrom()).extracting(PredecessorChange::getLaneId, PredecessorChange::getTreeId)
                .containsExactly(tuple("a", "tree-a"), tuple("b", "tree-b"));
    }

    @Test
    void shouldReRunTheDependentsOfAReRunningWorkspaceLane() {
        // Given the chain passed round 1
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(workspaceChain());
        scenario.yieldedTree("a", 1, "tree-a");
        scenario.yieldedTree("b", 1, "tree-b");
        scenario.yieldedTree("c", 1, "tree-c");

        // When the verdict fails lane a alone
        Outcome retry = scenario.verdict(1, "FAIL", List.of("a"), vote("disruptor", false, List.of("a"), "no"));

        // Then b and c re-run too, after a, since their checkouts start from a's tree
        RetryScheduled scheduled = payload(retry, RetryScheduled.class);
        assertThat(scheduled.getLanes()).containsExactly("a", "b", "c");
        assertThat(scheduled.getHeldLanes()).containsExactly("b", "c");
        RunLane b = scenario.yieldedTree("a", 2, "tree-a2").tasks().get(0);
        assertThat(b.getTaskId()).isEqualTo("m1/b/2");
        assertThat(b.getStartFrom()).extracting(PredecessorChange::getTreeId).containsExactly("tree-a2");
        assertThat(scheduled.getReasons()).extracting(Reason::getCode, Reason::getField)
                .contains(tuple("PREDECESSOR_RERUN", "lanes.b.after"), tuple("PREDECESSOR_RERUN", "lanes.c.after"));
        assertThat(b.getRetryReasons()).anySatisfy(reason -> assertThat(reason).contains("builds on lanes [a]"));
    }

    @Test
    void shouldGiveLanesWithoutAWorkspaceNoStart() {
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(dag(0));

        assertThat(scenario.yielded("a", 1, true).tasks()).allSatisfy(task -> assertThat(task.getStartFrom()).isEmpty());
    }

    /** a, b after a, c after b, on a pinned workspace. */
    private static MissionSpec workspaceChain() {
        return MissionSpec.newBuilder(mission("m1").build())
                .setLanes(List.of(lane("a", "writer", List.of("docs/")),
                        after(lane("b", "writer", List.of("docs/")), "a"),
                        after(lane("c", "writer", List.of("docs/")), "b")))
                .setWorkspace(Workspace.newBuilder().setRepo("/srv/repo").setBase("c".repeat(40)).setBaseRef("main")
                        .setTests(List.of("unit-tests")).build())
                .build();
    }
}
