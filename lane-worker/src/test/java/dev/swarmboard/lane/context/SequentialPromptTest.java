package dev.swarmboard.lane.context;

import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.lane.LaneFixtures;
import dev.swarmboard.lane.stage.EnsembleMode;
import dev.swarmboard.lane.stage.ResolvedStage;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.MissionArtifact;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.StageType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SequentialPromptTest {

    private final RunLane task = task("m-1", lane("lane-a").build()).build();
    private final ResolvedStage stage = new ResolvedStage("plan", StageType.ENSEMBLE, "plan", List.of(),
            Optional.empty(), ContextStrategy.FRESH, "", "plan", List.of(), new EnsembleMode(3, "sequential"));

    private BlackboardEvent proposal(int index, String output) {
        return LaneFixtures.events(task).event(LaneFixtures.stageCompleted("plan", "PROPOSAL", index, "", output)
                .build(), "plan", "PROPOSAL", index);
    }

    @Test
    void shouldShowProposerKTheProposalsBeforeIt() {
        // Given the stage's context and two earlier proposals
        StageContext base = ContextBuilder.build(task, stage, List.of());
        BlackboardEvent first = proposal(0, "plan: {steps: [first draft]}\n");
        BlackboardEvent second = proposal(1, "plan: {steps: [second draft]}\n");
        // When the third proposer's prompt is built
        StageContext third = SequentialPrompt.proposer(base, List.of(first, second));
        // Then it holds both drafts in order, cites both, and the first proposer's prompt is the stage's own
        String user = third.messages().get(1).content();
        assertThat(user).contains("# Earlier proposals (2)");
        assertThat(user.indexOf("first draft")).isLessThan(user.indexOf("second draft")).isPositive();
        assertThat(third.refs()).extracting(EvidenceRef::getEventId)
                .containsExactly(first.getHeader().getEventId(), second.getHeader().getEventId());
        assertThat(third.promptHash()).isNotEqualTo(base.promptHash());
        assertThat(SequentialPrompt.proposer(base, List.of())).isSameAs(base);
    }

    @Test
    void shouldShowTheMissionArtifactAStageReadsAndCiteIt() {
        // Given a task that carries the mission-level plan and a stage reading it
        EvidenceRef receipt = new EvidenceRef("ev-plan", "hash-plan", "plan_note");
        RunLane withPlan = RunLane.newBuilder(task).setMissionArtifacts(List.of(
                new MissionArtifact("plan", "plan_note", receipt, "plan_note: {steps: [code]}"))).build();
        ResolvedStage reads = new ResolvedStage("implement", StageType.SINGLE, "code", List.of(), Optional.empty(),
                ContextStrategy.SCOPED, "mission.plan", "change_set", List.of());
        // When its context is built
        StageContext context = ContextBuilder.build(withPlan, reads, List.of());
        // Then the plan's text is shown and its receipt cited; a fresh stage is not shown it
        assertThat(context.messages().get(1).content()).contains("## mission.plan: plan_note (event ev-plan",
                "plan_note: {steps: [code]}");
        assertThat(context.refs()).containsExactly(receipt);
        assertThat(MissionInputs.available(withPlan, "mission.plan")).isTrue();
        assertThat(MissionInputs.available(task, "mission.plan")).isFalse();
    }
}
