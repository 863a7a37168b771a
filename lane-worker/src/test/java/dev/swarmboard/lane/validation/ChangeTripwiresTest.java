package dev.swarmboard.lane.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.lane.LaneFixtures;
import dev.swarmboard.lane.workspace.WorkspaceLanes;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.ChangedFile;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.Workspace;
import dev.swarmboard.schema.event.ChangeApplied;
import dev.swarmboard.schema.event.ToolReceipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeTripwiresTest {

    private static final Workspace WORKSPACE = Workspace.newBuilder().setRepo("/r").setBase("b".repeat(40)).build();
    private static final RunLane TASK = WorkspaceLanes.task("m-1", WorkspaceLanes.prey("docs", WORKSPACE), 1);

    private final List<BlackboardEvent> events = new ArrayList<>();

    private void change(String path, String diff) {
        ChangeApplied change = ChangeApplied.newBuilder().setStage("engage").setParentTreeId("t0").setTreeId("t1")
                .setFiles(List.of(new ChangedFile(path, 1, 0, "MODIFIED"))).setDiff(diff).setDiffHash("h").build();
        events.add(LaneFixtures.events(TASK).event(change, "engage", "change", 0));
    }

    private void tool(String name, int exitCode) {
        ToolReceipt run = ToolReceipt.newBuilder().setStage("engage").setTool(name).setExitCode(exitCode)
                .setDurationMs(1).setOutputHash("h").setTreeId("t1").build();
        events.add(LaneFixtures.events(TASK).event(run, "engage", name, 0));
    }

    private CheckResult check(YieldCheck check, Set<String> allowFailure) {
        return check.check(new LaneEvidence(TASK, List.of(), events, Map.of(), allowFailure));
    }

    private static String diff(String... added) {
        StringBuilder diff = new StringBuilder("diff --git a/textkit/words.py b/textkit/words.py\n"
                + "--- a/textkit/words.py\n+++ b/textkit/words.py\n@@ -1,1 +1," + (added.length + 1) + " @@\n x\n");
        for (String line : added) {
            diff.append('+').append(line).append('\n');
        }
        return diff.toString();
    }

    @Test
    void shouldFailLineCountOnAChangedChunkOverTheLimit() {
        change("textkit/words.py", diff(java.util.Collections.nCopies(201, "y = 1").toArray(String[]::new)));

        assertThat(check(new LineCount(), Set.of()).getReason())
                .startsWith("the change of stage engage has a chunk (hunk 1) of 201 changed lines");
    }

    @Test
    void shouldFindAPlaceholderInTheAddedLinesOfAChange() {
        change("textkit/words.py", diff("def f():", "    pass  # TODO later"));

        assertThat(check(new PlaceholderScan(), Set.of()).getReason())
                .isEqualTo("the change of stage engage, added line 2: 'TODO'");
    }

    @Test
    void shouldFailPolicyChecksForAChangeOutsideTheScopeAndAFailingNonTestTool() {
        change("README.md", diff("more"));
        tool("py-tests", 3);

        CheckResult policy = check(new PolicyChecks(), Set.of());

        assertThat(policy.getPassed()).isFalse();
        assertThat(policy.getReason()).contains("tool py-tests after stage engage exited 3")
                .contains("the change of stage engage touches README.md, outside the scope [textkit/words.py]");
    }

    @Test
    void shouldLetARegistryAllowAToolToFail() {
        change("textkit/words.py", diff("more"));
        tool("py-tests", 3);

        assertThat(check(new PolicyChecks(), Set.of("py-tests")).getPassed()).isTrue();
    }
}
