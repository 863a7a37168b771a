package dev.swarmboard.orchestrator.decision;

import static dev.swarmboard.orchestrator.Fixtures.mission;
import static dev.swarmboard.orchestrator.MissionScenario.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.swarmboard.orchestrator.MissionScenario;
import dev.swarmboard.schema.KeyValue;
import dev.swarmboard.schema.MissionArtifact;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.StagePlan;
import dev.swarmboard.schema.event.PlanIssued;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissionPhaseDecisionTest {

    private static final String PROPOSAL = """
            lane_proposal:
              lanes:
                - {id: chars, objective: "Add char_count", role: code, scope: [docs/]}
                - {id: readme, objective: "Name it", role: docs, scope: [examples/]}
            """;

    @Test
    void shouldRunTheMissionPhasesInThePlanningLaneAndReadEarlierOnesAsInputs() {
        // Given a mission without lanes on the feature-build workflow
        MissionScenario scenario = MissionScenario.of("m1");
        // When it is submitted
        scenario.submit(featureBuild());
        // Then its planning lane runs workshop, plan and decompose, each reading the one before in this lane
        Plan plan = scenario.state().progress().orElseThrow().plan();
        List<StagePlan> stages = plan.getLanes().get(0).getStages();
        assertThat(stages).extracting(StagePlan::getName, StagePlan::getInput, StagePlan::getOutputArtifact)
                .containsExactly(tuple("workshop", "", "workshop_notes"),
                        tuple("plan", "workshop_notes", "plan_note"),
                        tuple("decompose", "plan_note", "lane_proposal"));
        assertThat(stages.get(1)).extracting(StagePlan::getSamples, StagePlan::getMode).containsExactly(2, "sequential");
    }

    @Test
    void shouldCarryTheMissionArtifactsToTheProposedLanesAndPlanTheAudit() {
        // Given a feature-build mission whose planning lane ran its phases
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(featureBuild());
        // When it yields the workshop notes, the plan and the lane proposal
        var outcome = scenario.missionPhases(1, new String[] {"workshop", "workshop_notes", "workshop_notes: {}"},
                new String[] {"plan", "plan_note", "plan_note: {steps: [a]}"},
                new String[] {"decompose", "lane_proposal", PROPOSAL});
        // Then the lanes' plan carries the artifacts of workshop and plan (not the proposal) and an audit lane
        Plan plan = payload(outcome, PlanIssued.class).getPlan();
        assertThat(plan.getMissionArtifacts()).extracting(MissionArtifact::getPhase, MissionArtifact::getArtifact,
                MissionArtifact::getText).containsExactly(tuple("workshop", "workshop_notes", "workshop_notes: {}"),
                tuple("plan", "plan_note", "plan_note: {steps: [a]}"));
        assertThat(plan.getAudit().getLaneId()).isEqualTo("audit");
        assertThat(plan.getAudit().getStages()).extracting(StagePlan::getName, StagePlan::getInput)
                .containsExactly(tuple("audit", "mission.integration"));
        // And each lane reads the plan as mission.plan, with the artifacts on its task
        assertThat(plan.getLanes()).extracting(PlannedLane::getLaneId).containsExactly("chars", "readme");
        assertThat(plan.getLanes().get(0).getStages()).extracting(StagePlan::getInput).containsExactly("mission.plan");
        assertThat(outcome.tasks()).allSatisfy(task -> assertThat(task.getMissionArtifacts()).hasSize(2));
    }

    @Test
    void shouldSendTheAuditLaneOnceTheLanesPassed() {
        // Given a feature-build mission whose proposed lanes were issued
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(featureBuild());
        scenario.missionPhases(1, new String[] {"workshop", "workshop_notes", "workshop_notes: {}"},
                new String[] {"plan", "plan_note", "plan_note: {}"},
                new String[] {"decompose", "lane_proposal", PROPOSAL});
        // When round 1 passes (no workspace: nothing to integrate)
        var outcome = scenario.verdict(1, "PASS", List.of());
        // Then the audit lane is sent at attempt 1 with the mission artifacts, and nothing else happens
        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.tasks()).singleElement().satisfies(task -> {
            assertThat(task.getTaskId()).isEqualTo("m1/audit/1");
            assertThat(task.getLane().getRole()).isEqualTo("auditor");
            assertThat(task.getMissionArtifacts()).extracting(MissionArtifact::getPhase)
                    .containsExactly("workshop", "plan");
        });
    }

    @Test
    void shouldSendNoAuditForAWorkflowWithoutOne() {
        MissionScenario scenario = MissionScenario.of("m1");
        scenario.submit(mission("m1").build());

        assertThat(scenario.verdict(1, "PASS", List.of()).tasks()).isEmpty();
    }

    private static MissionSpec featureBuild() {
        return mission("m1").setLanes(List.of()).setWorkflow("feature-build")
                .setWorkflowInputs(List.of(new KeyValue("feature", "char_count"))).build();
    }
}
