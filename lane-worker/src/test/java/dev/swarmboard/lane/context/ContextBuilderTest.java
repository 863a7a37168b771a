package dev.swarmboard.lane.context;

import static dev.swarmboard.lane.LaneFixtures.artifact;
import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.task;
import static dev.swarmboard.lane.LaneFixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.lane.stage.ResolvedStage;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.StageType;
import dev.swarmboard.schema.event.StageCompleted;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContextBuilderTest {

    private final RunLane task = task("m-1", lane("lane-a").build()).setScope(List.of("src/a", "notes")).build();
    private final BlackboardEvent perception = artifact(task, "perceive", "perception_snapshot",
            "perception_snapshot:\n" + "  - fact\n".repeat(20));
    private final BlackboardEvent notes = artifact(task, "research", "notes", "notes: [n]\n");
    private final BlackboardEvent other = artifact(task, "sketch", "sketch", "sketch: [s]\n");
    private final BlackboardEvent tests = tool(task, "sketch", "unit-tests", 0, true);
    private final List<BlackboardEvent> earlier = List.of(perception, notes, other, tests);

    private static ResolvedStage stage(ContextStrategy context) {
        return new ResolvedStage("react", StageType.SINGLE, "react", List.of(), Optional.empty(), context,
                "perception_snapshot", "react_plan", List.of());
    }

    private String user(StageContext context) {
        return context.messages().get(1).content();
    }

    @Test
    void shouldShowOnlyTheBriefWhenFresh() {
        // When
        StageContext context = ContextBuilder.build(task, stage(ContextStrategy.FRESH), earlier);

        // Then
        assertThat(context.refs()).isEmpty();
        assertThat(user(context)).contains("Make the build green", "objective: Survey lane-a", "scope: src/a, notes",
                "# Stage react: write react_plan").doesNotContain("perception_snapshot:");
        assertThat(context.messages().get(0).content()).contains("top-level key is react_plan");
    }

    @Test
    void shouldShowTheInputAndTheArtifactsTheScopeNamesWhenScoped() {
        // When
        StageContext context = ContextBuilder.build(task, stage(ContextStrategy.SCOPED), earlier);

        // Then
        assertThat(context.refs()).extracting(EvidenceRef::getLabel).containsExactly("perception_snapshot", "notes");
        assertThat(user(context)).contains("notes: [n]").doesNotContain("sketch: [s]");
    }

    @Test
    void shouldShowTheHeadAndHashOfEveryEarlierArtifactWhenDistilled() {
        // When
        StageContext context = ContextBuilder.build(task, stage(ContextStrategy.DISTILLED), earlier);

        // Then
        assertThat(context.refs()).extracting(EvidenceRef::getLabel)
                .containsExactly("perception_snapshot", "notes", "sketch");
        String outputHash = ((StageCompleted) perception.getPayload()).getOutputHash();
        assertThat(user(context)).contains("output sha256 " + outputHash + ", 21 lines", "[… 9 more lines]");
    }

    @Test
    void shouldShowEveryEarlierReceiptIncludingToolRunsWhenFull() {
        // When
        StageContext context = ContextBuilder.build(task, stage(ContextStrategy.FULL), earlier);

        // Then
        assertThat(context.refs()).hasSize(4).last().extracting(EvidenceRef::getLabel).isEqualTo("tool unit-tests");
        assertThat(user(context)).contains("## tool unit-tests exited 0", "ran unit-tests", "sketch: [s]");
    }

    @Test
    void shouldTellARetryWhyTheLastAttemptFailed() {
        // Given
        RunLane retry = RunLane.newBuilder(task).setAttempt(2).setRetryReasons(List.of("placeholder_scan failed"))
                .build();

        // When
        StageContext context = ContextBuilder.build(retry, stage(ContextStrategy.FRESH), earlier);

        // Then
        assertThat(user(context)).contains("# Attempt 2", "- placeholder_scan failed");
    }

    @Test
    void shouldHashThePromptDeterministically() {
        // When
        StageContext first = ContextBuilder.build(task, stage(ContextStrategy.FULL), earlier);
        StageContext again = ContextBuilder.build(task, stage(ContextStrategy.FULL), earlier);
        StageContext fewer = ContextBuilder.build(task, stage(ContextStrategy.FULL), earlier.subList(0, 3));

        // Then
        assertThat(first.promptHash()).isEqualTo(again.promptHash()).hasSize(64).isNotEqualTo(fewer.promptHash());
    }

    @Test
    void shouldShowTheJudgeEveryProposal() {
        // Given
        StageContext stageContext = ContextBuilder.build(task, stage(ContextStrategy.FRESH), earlier);
        List<BlackboardEvent> proposals = List.of(other, notes);

        // When
        StageContext judging = ContextBuilder.judgment(stageContext, stage(ContextStrategy.FRESH), proposals);

        // Then
        assertThat(judging.messages().get(0).content()).startsWith("You judge 2 proposals for stage 'react'");
        assertThat(user(judging)).contains("# Proposals (2)", "sketch: [s]", "notes: [n]");
        assertThat(judging.refs()).hasSize(2);
    }
}
