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
import org.junit.jupiter.api.Test;

class RedGreenTest {

    private static final Workspace WORKSPACE = Workspace.newBuilder().setRepo("/r").setBase("b".repeat(40))
            .setTests(List.of("py-tests")).setTestPaths(List.of("tests/**")).build();
    private static final RunLane TASK = WorkspaceLanes.task("m-1", WorkspaceLanes.tdd(WORKSPACE), 1);
    private static final String BASE = "t0";
    private static final String RED = "t1";
    private static final String GREEN = "t2";

    private final List<BlackboardEvent> events = new ArrayList<>();

    private RedGreenTest change(String stage, String parent, String tree, String path) {
        ChangeApplied change = ChangeApplied.newBuilder().setStage(stage).setParentTreeId(parent).setTreeId(tree)
                .setFiles(List.of(new ChangedFile(path, 3, 0, "MODIFIED"))).setDiff("").setDiffHash("h").build();
        events.add(LaneFixtures.events(TASK).event(change, stage, "change", 0));
        return this;
    }

    private RedGreenTest tests(String stage, String tree, int exitCode) {
        ToolReceipt run = ToolReceipt.newBuilder().setStage(stage).setTool("py-tests").setExitCode(exitCode)
                .setDurationMs(1).setOutputHash("h").setTestsTool(true).setTreeId(tree).build();
        events.add(LaneFixtures.events(TASK).event(run, stage, "py-tests", 0));
        return this;
    }

    private CheckResult check() {
        return new RedGreen().check(new LaneEvidence(TASK, List.of(), events, Map.of()));
    }

    @Test
    void shouldPassRedAtTheRedTreeThenGreenAtTheFinalTree() {
        change("red", BASE, RED, "tests/test_slug.py").tests("red", RED, 1)
                .change("green", RED, GREEN, "textkit/slug.py").tests("green", GREEN, 0).tests("refactor", GREEN, 0);

        assertThat(check().getPassed()).isTrue();
        assertThat(check().getReason()).isEqualTo("red at tree t1 (stage red), green at tree t2");
    }

    @Test
    void shouldFailWhenTheTestDoesNotFailBeforeTheChange() {
        change("red", BASE, RED, "tests/test_slug.py").tests("red", RED, 0)
                .change("green", RED, GREEN, "textkit/slug.py").tests("green", GREEN, 0);

        assertThat(check().getPassed()).isFalse();
        assertThat(check().getReason()).startsWith("the test does not fail before the change");
    }

    @Test
    void shouldFailWhenRedChangedNoTestFile() {
        change("red", BASE, RED, "textkit/slug.py").tests("red", RED, 1)
                .change("green", RED, GREEN, "textkit/slug.py").tests("green", GREEN, 0);

        assertThat(check().getReason()).startsWith("the red change touches no test file");
    }

    @Test
    void shouldFailWhenRedChangedNothingOrNoTestRanAtItsTree() {
        tests("red", BASE, 1);
        assertThat(check().getReason()).isEqualTo("the red stage red changed nothing");

        events.clear();
        change("red", BASE, RED, "tests/test_slug.py").tests("red", BASE, 1);
        assertThat(check().getReason()).isEqualTo("no test ran at the red tree t1");
    }

    @Test
    void shouldFailWhenTheFinalTreeIsStillRedOrUntested() {
        change("red", BASE, RED, "tests/test_slug.py").tests("red", RED, 1)
                .change("green", RED, GREEN, "textkit/slug.py").tests("green", GREEN, 1);
        assertThat(check().getReason()).isEqualTo("the tests still fail at the final tree t2");

        events.clear();
        change("red", BASE, RED, "tests/test_slug.py").tests("red", RED, 1)
                .change("green", RED, GREEN, "textkit/slug.py");
        assertThat(check().getReason()).startsWith("no test ran on a change after red");
    }

    @Test
    void shouldJudgeTestsGreenOnTheFinalTreeOnlyForAWorkspaceLane() {
        change("red", BASE, RED, "tests/test_slug.py").tests("red", RED, 1)
                .change("green", RED, GREEN, "textkit/slug.py").tests("green", GREEN, 0);

        CheckResult green = new TestsGreen().check(new LaneEvidence(TASK, List.of(), events, Map.of()));

        assertThat(green.getPassed()).isTrue();
    }
}
