package dev.swarmboard.lane.run;

import dev.swarmboard.capability.Redactor;
import static dev.swarmboard.lane.LaneFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.lane.model.ModelProviders;
import dev.swarmboard.lane.tool.ToolRunner;
import dev.swarmboard.lane.workspace.WorkspaceLanes;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.PredecessorChange;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.Workspace;
import dev.swarmboard.schema.event.ChangeApplied;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.LaneStarted;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.ToolReceipt;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceLaneTest {

    private static final CapabilityRegistry REGISTRY = WorkspaceLanes.registry();

    @TempDir
    Path dir;
    private Workspace workspace;
    private final ExecutorService calls = Executors.newCachedThreadPool();
    private final InMemoryBlackboard blackboard = new InMemoryBlackboard();

    @BeforeEach
    void repository() {
        workspace = WorkspaceLanes.textkit(dir.resolve("textkit"));
    }

    @AfterEach
    void stop() {
        calls.shutdownNow();
    }

    private LaneRunner runner(String worker) {
        return new LaneRunner(REGISTRY, ModelProviders.forRegistry(REGISTRY), ToolRunner.forWorker(Redactor.NONE),
                calls, dir.resolve("lanes"), worker, CLOCK);
    }

    @Test
    void shouldRunATddLaneRedThenGreenOnTheRepository() {
        // When the tdd lane runs on a fresh copy of the example project
        LaneOutcome outcome = runner("w-1").run(WorkspaceLanes.task("m-1", WorkspaceLanes.tdd(workspace), 1), 1,
                blackboard);

        // Then red and green each changed the tree, and the tests failed on red's tree and passed on green's
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.ACCEPT);
        List<ChangeApplied> changes = blackboard.payloads(ChangeApplied.class);
        assertThat(changes).extracting(ChangeApplied::getStage).containsExactly("red", "green");
        assertThat(changes.get(1).getParentTreeId()).isEqualTo(changes.get(0).getTreeId());
        List<ToolReceipt> runs = blackboard.payloads(ToolReceipt.class);
        assertThat(runs).extracting(run -> run.getStage() + ":" + (run.getExitCode() == 0 ? "green" : "red"))
                .containsExactly("red:red", "green:green", "refactor:green");
        assertThat(runs.get(0).getTreeId()).isEqualTo(changes.get(0).getTreeId());
        assertThat(runs.get(1).getTreeId()).isEqualTo(changes.get(1).getTreeId());
        assertThat(runs.get(0).getOutput()).contains("test_drops_punctuation");

        // And green saw the files (with blob ids) and the failing test run
        StageCompleted green = blackboard.payloads(StageCompleted.class).get(1);
        assertThat(green.getFileRefs()).extracting(ref -> ref.getPath())
                .containsExactly("tests/test_slug.py", "textkit/slug.py");
        LaneYielded yielded = blackboard.payloads(LaneYielded.class).get(0);
        assertThat(yielded.getChecks()).filteredOn(check -> !check.getPassed()).isEmpty();
        assertThat(yielded.getChecks()).extracting(CheckResult::getName).contains("red_green");
        assertThat(yielded.getPassed()).isTrue();

        // And the yield carries the lane's net change: base to green's tree, both edits in one diff
        assertThat(yielded.getTreeId()).isEqualTo(changes.get(1).getTreeId());
        assertThat(yielded.getBaseTreeId()).isEqualTo(changes.get(0).getParentTreeId());
        assertThat(yielded.getChangeDiff()).contains("+++ b/tests/test_slug.py", "+++ b/textkit/slug.py");
        assertThat(yielded.getChangeDiffHash()).isEqualTo(dev.swarmboard.codec.ContentHash.sha256Hex(
                yielded.getChangeDiff().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void shouldFailALaneWhoseChangeDoesNotApplyAndPassItsRetry() {
        // When attempt 1 of word-docs runs, its change names text the file does not hold
        var lane = WorkspaceLanes.prey("word-docs", workspace);
        runner("w-1").run(WorkspaceLanes.task("m-1", lane, 1), 1, blackboard);

        // Then the lane fails with CHANGE_REJECTED naming the block, and nothing was receipted as applied
        assertThat(blackboard.payloads(LaneFailed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.getReasons().get(0).getCode()).isEqualTo("CHANGE_REJECTED");
            assertThat(failed.getReasons().get(0).getField()).isEqualTo("stages.engage.changes[0]");
            assertThat(failed.getReasons().get(0).getMessage()).contains("does not occur in textkit/words.py");
        });
        assertThat(blackboard.payloads(ChangeApplied.class)).isEmpty();

        // When attempt 2 runs, Then its change applies and the tests pass on the new tree
        runner("w-2").run(WorkspaceLanes.task("m-1", lane, 2), 1, blackboard);
        assertThat(blackboard.payloads(ChangeApplied.class)).singleElement().satisfies(change ->
                assertThat(change.getFiles()).extracting(file -> file.getPath() + " +" + file.getAdded() + " -"
                        + file.getRemoved()).containsExactly("textkit/words.py +1 -1"));
        assertThat(blackboard.payloads(LaneYielded.class)).singleElement()
                .satisfies(yielded -> assertThat(yielded.getPassed()).isTrue());
    }

    @Test
    void shouldResumeWithoutApplyingAReceiptedChangeTwice() {
        // Given a first worker that got as far as red's change (LaneStarted, red receipt, ChangeApplied), then died
        var task = WorkspaceLanes.task("m-1", WorkspaceLanes.tdd(workspace), 1);
        runner("w-1").run(task, 1, blackboard);
        InMemoryBlackboard crashed = blackboard.prefix(3);

        // When another worker gets the task again
        runner("w-2").run(task, 2, crashed);

        // Then red's change is on the blackboard once, and the resumed lane reaches the same trees and yield
        assertThat(crashed.payloads(ChangeApplied.class)).hasSize(2)
                .isEqualTo(blackboard.payloads(ChangeApplied.class));
        assertThat(crashed.payloads(ToolReceipt.class)).extracting(ToolReceipt::getTreeId)
                .isEqualTo(blackboard.payloads(ToolReceipt.class).stream().map(ToolReceipt::getTreeId).toList());
        assertThat(crashed.payloads(LaneYielded.class).get(0).getPassed()).isTrue();
    }

    @Test
    void shouldFailPreflightWhenThePinnedCommitCannotBeFound() {
        // Given a lane pinned to a commit the repository does not have
        Workspace unknown = Workspace.newBuilder(workspace).setBase("0".repeat(40)).build();

        // When it runs
        LaneOutcome outcome = runner("w-1").run(WorkspaceLanes.task("m-1", WorkspaceLanes.tdd(unknown), 1), 1,
                blackboard);

        // Then it is refused before it starts, UNKNOWN with the witness that would resolve it
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.REJECT);
        assertThat(blackboard.payloads(LaneFailed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.getReasons().get(0).getCode()).isEqualTo("UNKNOWN");
            assertThat(failed.getReasons().get(0).getWitnesses().get(0)).contains("0".repeat(40));
        });
    }

    @Test
    void shouldStartADependentLaneFromItsPredecessorsTree() {
        // Given lane slug-punctuation passed, and word-docs waits for it
        runner("w-1").run(WorkspaceLanes.task("m-1", WorkspaceLanes.tdd(workspace), 1), 1, blackboard);
        BlackboardEvent predecessor = yieldEvent("slug-punctuation");
        LaneYielded before = (LaneYielded) predecessor.getPayload();

        // When word-docs runs with the task naming that yield as its start
        LaneOutcome outcome = runner("w-2").run(dependent(new PredecessorChange("slug-punctuation", 1,
                Events.ref(predecessor, "slug-punctuation"), before.getTreeId())), 1, blackboard);

        // Then its checkout started from the predecessor's final tree, and its net change is relative to it
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.ACCEPT);
        assertThat(blackboard.payloads(LaneStarted.class)).last()
                .satisfies(started -> assertThat(started.getStartTreeId()).isEqualTo(before.getTreeId()));
        assertThat(blackboard.payloads(ChangeApplied.class)).last()
                .satisfies(change -> assertThat(change.getParentTreeId()).isEqualTo(before.getTreeId()));
        LaneYielded yielded = (LaneYielded) yieldEvent("word-docs").getPayload();
        assertThat(yielded.getPassed()).isTrue();
        assertThat(yielded.getBaseTreeId()).isEqualTo(before.getTreeId());
        assertThat(yielded.getChangeDiff()).contains("+++ b/textkit/words.py").doesNotContain("textkit/slug.py");
    }

    @Test
    void shouldRefuseADependentLaneWhosePredecessorsChangeDoesNotApply() {
        // Given a passing yield whose change removes a line the base does not have
        String diff = "diff --git a/textkit/words.py b/textkit/words.py\n--- a/textkit/words.py\n"
                + "+++ b/textkit/words.py\n@@ -1,1 +1,1 @@\n-no such line\n+other\n";
        BlackboardEvent forged = forgedYield(diff, "1".repeat(40));

        // When a lane starting from it runs
        LaneOutcome outcome = runner("w-2").run(dependent(new PredecessorChange("slug-punctuation", 1,
                Events.ref(forged, "slug-punctuation"), "1".repeat(40))), 1, blackboard);

        // Then it is refused before it starts, naming the predecessor and git's reason; nothing ran
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.REJECT);
        assertThat(blackboard.payloads(LaneFailed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.getReasons().get(0).getCode()).isEqualTo("START_NOT_REPRODUCED");
            assertThat(failed.getReasons().get(0).getField()).isEqualTo("startFrom.slug-punctuation");
            assertThat(failed.getReasons().get(0).getMessage())
                    .contains("the change of lane slug-punctuation attempt 1 does not apply");
        });
        assertThat(blackboard.payloads(LaneStarted.class)).isEmpty();
    }

    @Test
    void shouldRefuseADependentLaneWhosePredecessorsTreeDoesNotComeOut() {
        // Given the predecessor's real change, but a yield naming another final tree
        runner("w-1").run(WorkspaceLanes.task("m-1", WorkspaceLanes.tdd(workspace), 1), 1, blackboard);
        LaneYielded real = (LaneYielded) yieldEvent("slug-punctuation").getPayload();
        BlackboardEvent forged = forgedYield(real.getChangeDiff(), "2".repeat(40));

        // When a lane starting from it runs
        LaneOutcome outcome = runner("w-2").run(dependent(new PredecessorChange("ghost", 1,
                Events.ref(forged, "ghost"), "2".repeat(40))), 1, blackboard);

        // Then the tree mismatch is the reason, and the lane never started
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.REJECT);
        assertThat(blackboard.payloads(LaneFailed.class)).last().satisfies(failed -> assertThat(failed.getReasons()
                .get(0).getMessage()).contains("gives tree " + real.getTreeId(), "its yield names " + "2".repeat(40)));
    }

    /** Lane word-docs (attempt 2, whose change applies) waiting for the predecessor the change names. */
    private RunLane dependent(PredecessorChange start) {
        var lane = dev.swarmboard.schema.PlannedLane.newBuilder(WorkspaceLanes.prey("word-docs", workspace))
                .setAfter(List.of(start.getLaneId())).build();
        return RunLane.newBuilder(WorkspaceLanes.task("m-1", lane, 2)).setStartFrom(List.of(start)).build();
    }

    /** A passing yield of lane ghost, appended to the blackboard, with this change from the base tree. */
    private BlackboardEvent forgedYield(String diff, String treeId) {
        String baseTree = dev.swarmboard.git.GitCli.run(Path.of(workspace.getRepo()), "rev-parse",
                workspace.getBase() + "^{tree}").firstLine();
        LaneYielded yielded = LaneYielded.newBuilder().setPassed(true).setChecks(List.of()).setBaseTreeId(baseTree)
                .setTreeId(treeId).setChangeDiff(diff).build();
        BlackboardEvent event = new LaneEvents(WorkspaceLanes.task("m-1", WorkspaceLanes.prey("ghost", workspace), 1),
                "w-0", CLOCK).terminal(yielded);
        blackboard.append(event);
        return event;
    }

    private BlackboardEvent yieldEvent(String laneId) {
        return blackboard.events().stream().filter(event -> event.getPayload() instanceof LaneYielded
                && laneId.equals(event.getHeader().getLaneId())).reduce((first, second) -> second).orElseThrow();
    }
}
