package dev.swarmboard.orchestrator.decision;

import static dev.swarmboard.orchestrator.Fixtures.mission;
import static dev.swarmboard.orchestrator.MissionScenario.payload;
import static dev.swarmboard.orchestrator.MissionScenario.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.change.IntegrationLane;
import dev.swarmboard.orchestrator.MissionScenario;
import dev.swarmboard.orchestrator.state.MissionPhase;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.KeyValue;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.Workspace;
import dev.swarmboard.schema.event.IntegrationCompleted;
import dev.swarmboard.schema.event.IntegrationFailed;
import dev.swarmboard.schema.event.MissionFailed;
import dev.swarmboard.schema.event.RetryScheduled;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntegrationDecisionTest {

    private static final String COMMIT = "a".repeat(40);

    @Test
    void shouldPlanAnIntegrationTaskAfterAWorkspacePassNamingTheYieldsInPlanOrder() {
        // Given a workspace mission whose three lanes yielded in round 1
        MissionScenario scenario = yieldedWorkspaceMission(3);

        // When round 1 passes
        Outcome outcome = scenario.verdict(1, "PASS", List.of());

        // Then one integration task, attempt 1, naming the yields in plan order; the mission is not over
        RunLane task = outcome.tasks().get(0);
        assertThat(outcome.tasks()).hasSize(1);
        assertThat(task.getTaskId()).isEqualTo("m1/" + IntegrationLane.ID + "/1");
        assertThat(task.getLane().getWorkspace().getBase()).isEqualTo(COMMIT);
        assertThat(task.getLane().getTools()).containsExactly("unit-tests");
        assertThat(task.getIntegration().getRound()).isEqualTo(1);
        assertThat(task.getIntegration().getYields()).extracting(EvidenceRef::getLabel)
                .containsExactly("overview", "howto", "gaps");
        assertThat(scenario.state().phase()).isEqualTo(MissionPhase.RUNNING);
    }

    @Test
    void shouldReRunTheConflictingLanesToldWhyAndPassOnAnIntegrationCompleted() {
        // Given a passed round 1 whose integration finds overview and gaps in conflict
        MissionScenario scenario = yieldedWorkspaceMission(3);
        scenario.verdict(1, "PASS", List.of());

        // When the integration fails
        Outcome outcome = scenario.fact(integrationEvent(IntegrationFailed.newBuilder().setRound(1)
                .setVerdictEventId("v").setLanes(List.of("gaps", "overview"))
                .setReasons(List.of(new Reason("CONFLICT", "a.md", "lanes overview and gaps both change a.md", List.of())))
                .setLaneReasons(List.of(new KeyValue("overview", "gaps changed: +x"), new KeyValue("gaps", "overview changed: +y")))
                .build(), 1));

        // Then only those lanes re-run at attempt 2, in plan order, each told the other's change
        assertThat(payload(outcome, RetryScheduled.class).getLanes()).containsExactly("overview", "gaps");
        assertThat(outcome.tasks()).extracting(RunLane::getTaskId).containsExactly("m1/overview/2", "m1/gaps/2");
        assertThat(outcome.tasks().get(0).getRetryReasons()).containsExactly("gaps changed: +x");

        // And an IntegrationCompleted after the re-run's PASS ends the mission as passed
        scenario.fact(integrationEvent(IntegrationCompleted.newBuilder().setRound(2).setVerdictEventId("v2")
                .setBaseCommit(COMMIT).setBaseTreeId("b").setTreeId("t").setLanes(List.of()).setDiff("")
                .setDiffHash("").build(), 2));
        assertThat(scenario.state().phase()).isEqualTo(MissionPhase.PASSED);
    }

    @Test
    void shouldFailTheMissionWhenTheIntegrationFailsWithNoReRunLeft() {
        // Given a workspace mission with no re-runs whose round 1 passed
        MissionScenario scenario = yieldedWorkspaceMission(0);
        scenario.verdict(1, "PASS", List.of());

        // When its integration's tests fail
        Outcome outcome = scenario.fact(integrationEvent(IntegrationFailed.newBuilder().setRound(1)
                .setVerdictEventId("v").setLanes(List.of("howto"))
                .setReasons(List.of(new Reason("TESTS_FAILED", "tools.unit-tests", "exit 1", List.of()))).build(), 1));

        // Then MissionFailed carries the integration's reason
        assertThat(types(outcome)).startsWith("MissionFailed");
        assertThat(payload(outcome, MissionFailed.class).getReasons()).extracting(Reason::getCode)
                .containsExactly("RERUNS_EXHAUSTED", "TESTS_FAILED");
        assertThat(outcome.tasks()).isEmpty();
    }

    private static MissionScenario yieldedWorkspaceMission(int maxReruns) {
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(mission("m1").setMaxReruns(maxReruns).setWorkspace(Workspace.newBuilder().setRepo("/srv/repo")
                .setBase(COMMIT).setBaseRef("main").setTests(List.of("unit-tests")).build()).build());
        for (String lane : List.of("gaps", "overview", "howto")) {
            scenario.yielded(lane, 1, true);
        }
        return scenario;
    }

    private static dev.swarmboard.schema.BlackboardEvent integrationEvent(
            org.apache.avro.specific.SpecificRecord payload, int round) {
        EventOrigin origin = new EventOrigin("m1", IntegrationLane.ID, round, "lane-worker", "task", null);
        return Events.create(Events.deterministicId("m1", IntegrationLane.ID, Integer.toString(round), "terminal"),
                origin, payload, Instant.parse("2030-01-01T00:00:00Z"));
    }
}
