package dev.swarmboard.lane.validation;

import dev.swarmboard.lane.workspace.ScopePaths;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.StagePlan;
import dev.swarmboard.schema.event.ChangeApplied;
import dev.swarmboard.schema.event.ToolReceipt;
import java.util.List;
import java.util.Optional;

/**
 * {@code red_green}, for lanes whose workflow declares it: the stage that expects red changed at least
 * one test file ({@code test_paths}; any file when none are given) and a test run on its tree exited
 * non-zero; and every test run on the final tree exited 0, at least one. Only tool and change receipts
 * count, never what a model wrote.
 */
public final class RedGreen implements YieldCheck {

    public static final String NAME = "red_green";

    @Override
    public CheckResult check(LaneEvidence evidence) {
        Optional<StagePlan> red = evidence.task().getLane().getStages().stream()
                .filter(stage -> "red".equals(stage.getExpect())).findFirst();
        if (red.isEmpty() || !evidence.hasWorkspace()) {
            return YieldCheck.failed(NAME, "the lane declares red_green but has no red stage or no workspace");
        }
        String redStage = red.get().getName();
        Optional<ChangeApplied> redChange = evidence.changes().stream()
                .filter(change -> change.getStage().equals(redStage)).findFirst();
        if (redChange.isEmpty()) {
            return YieldCheck.failed(NAME, "the red stage " + redStage + " changed nothing");
        }
        List<String> testPaths = evidence.task().getLane().getWorkspace().getTestPaths();
        boolean touchedTest = redChange.get().getFiles().stream()
                .anyMatch(file -> testPaths.isEmpty() || ScopePaths.matchesAny(testPaths, file.getPath()));
        if (!touchedTest) {
            return YieldCheck.failed(NAME, "the red change touches no test file " + testPaths);
        }
        String redTree = redChange.get().getTreeId();
        List<ToolReceipt> redRuns = testsAt(evidence, redTree);
        if (redRuns.isEmpty()) {
            return YieldCheck.failed(NAME, "no test ran at the red tree " + redTree);
        }
        if (redRuns.stream().allMatch(RedGreen::green)) {
            return YieldCheck.failed(NAME, "the test does not fail before the change (tree " + redTree + ")");
        }
        String finalTree = evidence.finalTree();
        List<ToolReceipt> finalRuns = testsAt(evidence, finalTree);
        if (finalTree.equals(redTree) || finalRuns.isEmpty()) {
            return YieldCheck.failed(NAME, "no test ran on a change after red (final tree " + finalTree + ")");
        }
        if (!finalRuns.stream().allMatch(RedGreen::green)) {
            return YieldCheck.failed(NAME, "the tests still fail at the final tree " + finalTree);
        }
        return YieldCheck.passed(NAME, "red at tree " + redTree + " (stage " + redStage + "), green at tree "
                + finalTree);
    }

    private static List<ToolReceipt> testsAt(LaneEvidence evidence, String tree) {
        return evidence.toolReceipts().stream().filter(ToolReceipt::getTestsTool)
                .filter(run -> run.getTreeId().equals(tree)).toList();
    }

    private static boolean green(ToolReceipt run) {
        return run.getExitCode() == 0 && !run.getTimedOut();
    }
}
