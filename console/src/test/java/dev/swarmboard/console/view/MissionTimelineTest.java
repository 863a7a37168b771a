package dev.swarmboard.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.codec.SampleRecords;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.StagePlan;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.LaneStarted;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.MissionAccepted;
import dev.swarmboard.schema.event.MissionPaused;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.PlanProposed;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.StageStarted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class MissionTimelineTest {

    private static final String MISSION = "m-1";
    private static final Instant AT = Instant.parse("2026-12-02T01:00:00Z");
    private final List<BlackboardEvent> events = new ArrayList<>();

    @Test
    void shouldFollowALaneStageByStageAndAddUpItsCost() {
        // Given an accepted mission with a plan of one lane
        events.add(mission(accepted()));
        events.add(mission(new PlanIssued(plan("p-1"), List.of("a"), 1)));

        // When the lane starts its first stage
        events.add(lane(new LaneStarted("w-1", 1, List.of(), "")));
        events.add(lane(new StageStarted("perceive", "SINGLE", List.of("fast"))));
        MissionView running = MissionTimeline.replay(MISSION, events);

        // Then the stage is shown as started on its model, the next one planned
        assertThat(running.status()).isEqualTo("RUNNING");
        assertThat(running.lanes()).singleElement().satisfies(lane -> {
            assertThat(lane.state()).isEqualTo("RUNNING");
            assertThat(lane.stages()).extracting(StageView::name, StageView::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("perceive", "STARTED"),
                            org.assertj.core.groups.Tuple.tuple("react", "PLANNED"));
            assertThat(lane.stages().get(0).models()).isEqualTo("fast");
        });

        // When its receipts, the yield and the digest arrive (one receipt delivered twice)
        BlackboardEvent receipt = lane(receipt("perceive", "perception_snapshot", "<b>seen</b>", 0.25));
        events.add(receipt);
        events.add(receipt);
        events.add(lane(receipt("react", "react_plan", "plan", 0.5)));
        events.add(lane(new LaneYielded(true, List.of(new CheckResult("placeholder_scan", true, "")), List.of(),
                List.of(), 0L, 0.0, List.of(), List.of(), "", "", "", "")));
        events.add(mission(new DigestPublished("All done.", "# report", "h", "v", List.of(), "", "")));
        MissionView done = MissionTimeline.replay(MISSION, events);

        // Then the text is kept as written, the cost counted once, and the mission completed
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.costUsd()).isEqualTo(0.75);
        assertThat(done.tokens()).isEqualTo(30);
        assertThat(done.lanesDone()).isEqualTo(1);
        assertThat(done.lanes().get(0).stages().get(0).output()).isEqualTo("<b>seen</b>");
        assertThat(done.bluf()).isEqualTo("All done.");
    }

    @Test
    void shouldShowThePlanAPausedMissionProposes() {
        // Given
        events.add(mission(accepted()));
        events.add(mission(new PlanProposed(plan("p-1"), List.of())));
        events.add(mission(new MissionPaused("APPROVAL", List.of())));

        // When
        MissionView view = MissionTimeline.replay(MISSION, events);

        // Then
        assertThat(view.status()).isEqualTo("PAUSED");
        assertThat(view.awaiting()).isEqualTo("APPROVAL");
        assertThat(view.proposed().planId()).isEqualTo("p-1");
        assertThat(view.proposed().lanes()).singleElement()
                .satisfies(lane -> assertThat(lane.stages()).containsExactly("perceive", "react"));
    }

    private static MissionAccepted accepted() {
        MissionAccepted accepted = SampleRecords.sample(MissionAccepted.getClassSchema());
        accepted.getMission().setMissionId(MISSION);
        accepted.getMission().setGoal("a goal");
        return accepted;
    }

    private static Plan plan(String planId) {
        Plan plan = SampleRecords.sample(Plan.getClassSchema());
        plan.setPlanId(planId);
        plan.setWorkflow("prey");
        PlannedLane lane = SampleRecords.sample(PlannedLane.getClassSchema());
        lane.setLaneId("a");
        lane.setStages(List.of(stage("perceive"), stage("react")));
        plan.setLanes(List.of(lane));
        return plan;
    }

    private static StagePlan stage(String name) {
        StagePlan stage = SampleRecords.sample(StagePlan.getClassSchema());
        stage.setName(name);
        return stage;
    }

    private static StageCompleted receipt(String stage, String artifact, String output, double cost) {
        StageCompleted receipt = SampleRecords.sample(StageCompleted.getClassSchema());
        receipt.setStage(stage);
        receipt.setKind("SINGLE");
        receipt.setArtifact(artifact);
        receipt.setOutput(output);
        receipt.setTokensIn(10L);
        receipt.setTokensOut(5L);
        receipt.setCostUsd(cost);
        return receipt;
    }

    private BlackboardEvent mission(SpecificRecord payload) {
        return Events.create(new EventOrigin(MISSION, null, 0, "test", null, null), payload, AT,
                MISSION, Events.typeOf(payload), Integer.toString(events.size()));
    }

    private BlackboardEvent lane(SpecificRecord payload) {
        return Events.create(new EventOrigin(MISSION, "a", 1, "test", null, null), payload, AT,
                MISSION, "a", Events.typeOf(payload), Integer.toString(events.size()));
    }
}
