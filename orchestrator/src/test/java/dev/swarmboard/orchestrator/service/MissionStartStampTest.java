package dev.swarmboard.orchestrator.service;

import static dev.swarmboard.orchestrator.Fixtures.mission;
import static dev.swarmboard.orchestrator.MissionScenario.payload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.Events;
import dev.swarmboard.orchestrator.MissionScenario;
import dev.swarmboard.orchestrator.decision.Outcome;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.MissionStart;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.PlanIssued;
import org.junit.jupiter.api.Test;

class MissionStartStampTest {

    @Test
    void shouldStampThePlanAndTasksAndKeepTheContentHashTrue() {
        // Given the outcome of a submission, decided without knowing where the mission starts
        Outcome outcome = MissionScenario.of("m1").submit(mission("m1").build());
        MissionStart start = new MissionStart(4, 1_234L);

        // When the shell stamps the start into what it is about to write
        outcome.events().forEach(event -> MissionStartStamp.onto(event, start));
        outcome.tasks().forEach(task -> MissionStartStamp.onto(task, start));

        // Then the plan and every task carry it, and every event still hashes to its header
        assertThat(payload(outcome, PlanIssued.class).getPlan().getMissionStart()).isEqualTo(start);
        assertThat(outcome.tasks()).extracting(RunLane::getMissionStart).containsOnly(start);
        assertThat(outcome.events()).allSatisfy(event -> assertThat(Events.hashIntact(event)).isTrue());
    }

    @Test
    void shouldKeepAStartAlreadyCarried() {
        Outcome outcome = MissionScenario.of("m1").submit(mission("m1").build());
        BlackboardEvent issued = outcome.events().stream()
                .filter(event -> event.getPayload() instanceof PlanIssued).findFirst().orElseThrow();
        MissionStartStamp.onto(issued, new MissionStart(1, 10L));

        MissionStartStamp.onto(issued, new MissionStart(1, 99L));

        assertThat(((PlanIssued) issued.getPayload()).getPlan().getMissionStart()).isEqualTo(new MissionStart(1, 10L));
        assertThat(Events.hashIntact(issued)).isTrue();
    }
}
