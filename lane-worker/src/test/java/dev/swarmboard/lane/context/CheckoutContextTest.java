package dev.swarmboard.lane.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.lane.LaneFixtures;
import dev.swarmboard.lane.stage.StagePlans;
import dev.swarmboard.lane.workspace.Checkout;
import dev.swarmboard.lane.workspace.TestRepos;
import dev.swarmboard.lane.workspace.WorkspaceLanes;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.Workspace;
import dev.swarmboard.schema.event.ToolReceipt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckoutContextTest {

    @TempDir
    Path dir;

    @Test
    void shouldShowTheEditFormatTheFilesAndWhyEarlierTestsFailed() throws IOException {
        // Given a tdd lane's green stage, after a red test run that failed
        Workspace workspace = TestRepos.create(dir.resolve("repo"), Map.of("textkit/slug.py", "def slugify(t):\n",
                "tests/test_slug.py", "import unittest\n"));
        RunLane task = WorkspaceLanes.task("m-1", WorkspaceLanes.tdd(workspace), 1);
        var green = StagePlans.resolve(task.getLane(), WorkspaceLanes.registry()).get(1);
        ToolReceipt red = ToolReceipt.newBuilder().setStage("red").setTool("py-tests").setExitCode(1).setDurationMs(1)
                .setOutput("FAIL: test_drops_punctuation\nAssertionError: 'hello,-world!' != 'hello-world'\n")
                .setOutputHash("h").setTestsTool(true).setTreeId("abc").build();

        try (Checkout checkout = TestRepos.checkout(dir.resolve("lanes"), workspace)) {
            // When its context is built
            StageContext context = ContextBuilder.build(task, green,
                    List.of(LaneFixtures.events(task).event(red, "red", "py-tests", 0)), Optional.of(checkout));

            // Then the model is told the edit format, sees both files and the failing run, and the receipt can say so
            assertThat(context.messages().get(0).content()).contains("changes:", "search:", "diff: |");
            assertThat(context.messages().get(1).content())
                    .contains("## tool py-tests after stage red at tree abc exited 1")
                    .contains("AssertionError: 'hello,-world!' != 'hello-world'")
                    .contains("### file textkit/slug.py (blob ");
            assertThat(context.files()).hasSize(2);
            assertThat(context.refs()).extracting(ref -> ref.getLabel()).contains("tool py-tests");
        }
    }
}
