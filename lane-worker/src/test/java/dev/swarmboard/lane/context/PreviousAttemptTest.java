package dev.swarmboard.lane.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.ChangedFile;
import dev.swarmboard.schema.event.ChangeApplied;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.ToolReceipt;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class PreviousAttemptTest {

    private static BlackboardEvent event(String lane, int attempt, SpecificRecord payload, String step) {
        return Events.create(EventOrigin.mission("m", "test").forLane(lane, attempt), payload,
                Instant.parse("2030-01-01T00:00:00Z"), "m", lane, Integer.toString(attempt), step);
    }

    private static StageCompleted artifact(String name, String output) {
        return StageCompleted.newBuilder().setStage("engage").setRole("engage").setProvider("scripted")
                .setModel("scripted").setPromptHash("p").setArtifact(name).setOutput(output).setOutputHash("h").build();
    }

    private static ToolReceipt tool(int exit, String output) {
        return ToolReceipt.newBuilder().setTool("unit-tests").setStage("engage")
                .setExitCode(exit).setOutput(output).setOutputHash("h").setDurationMs(1).build();
    }

    @Test
    void shouldShowTheLatestEarlierAttemptsArtifactsChangeAndToolOutput() {
        // Given attempt 1 of lane a with an artifact, a change and a failing test run, and another lane's event
        List<BlackboardEvent> events = List.of(
                event("a", 1, artifact("engage_report", "line one\nline two"), "s"),
                event("a", 1, ChangeApplied.newBuilder().setStage("engage").setParentTreeId("t0").setTreeId("t1")
                        .setFiles(List.of(new ChangedFile("src/x.py", 2, 1, "MODIFIED")))
                        .setDiff("--- a/src/x.py\n+++ b/src/x.py\n@@ -1 +1,2 @@\n-old\n+new\n+more\n")
                        .setDiffHash("d").build(), "c"),
                event("a", 1, tool(1, "FAILED test_x: expected 2"), "t"),
                event("b", 1, artifact("other", "not mine"), "s"));
        // When attempt 2 is built
        String section = PreviousAttempt.of(events, "a", 2);
        // Then it shows what attempt 1 left, and nothing of lane b
        assertThat(section).startsWith("# What attempt 1 left")
                .contains("### engage_report", "line two", "src/x.py MODIFIED +2 -1", "+new",
                        "### tool unit-tests after stage engage exited 1", "FAILED test_x: expected 2")
                .doesNotContain("not mine");
    }

    @Test
    void shouldShowNothingOnAFirstAttemptAndBoundALargeOne() {
        List<BlackboardEvent> events = List.of(event("a", 1, tool(1, "x".repeat(50_000)), "t"),
                event("a", 1, artifact("big", "y\n".repeat(10_000)), "s"));

        assertThat(PreviousAttempt.of(events, "a", 1)).isEmpty();
        assertThat(PreviousAttempt.of(events, "a", 3).length()).isLessThan(PreviousAttempt.MAX_CHARS + 200);
    }
}
