package dev.swarmboard.lane.validation;

import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.event.ToolReceipt;
import java.util.List;

/**
 * {@code tests_green}: decided only by receipts of tools the registry marks as test runners, never by
 * what a model wrote. Required lanes pass only if a test tool ran and every test run exited 0 in time;
 * for a lane with a workspace, every test run on the final tree.
 */
public final class TestsGreen implements YieldCheck {

    public static final String NAME = "tests_green";

    @Override
    public CheckResult check(LaneEvidence evidence) {
        // with a workspace only the runs on the final tree decide: a red run before the change is expected
        String finalTree = evidence.finalTree();
        List<ToolReceipt> runs = evidence.toolReceipts().stream().filter(ToolReceipt::getTestsTool)
                .filter(run -> !evidence.hasWorkspace() || run.getTreeId().equals(finalTree)).toList();
        List<String> red = runs.stream().filter(run -> run.getExitCode() != 0 || run.getTimedOut())
                .map(TestsGreen::describe).toList();
        if (!evidence.task().getLane().getRequireTestsGreen()) {
            return YieldCheck.passed(NAME, "not required" + (red.isEmpty() ? "" : " (" + String.join(", ", red) + ")"));
        }
        if (runs.isEmpty()) {
            return YieldCheck.failed(NAME, evidence.hasWorkspace() ? "required, but no test tool ran on the final tree "
                    + finalTree : "required, but no test tool ran");
        }
        if (!red.isEmpty()) {
            return YieldCheck.failed(NAME, String.join(", ", red));
        }
        return YieldCheck.passed(NAME, runs.size() + " test run(s) exited 0: "
                + String.join(", ", runs.stream().map(ToolReceipt::getTool).toList()));
    }

    private static String describe(ToolReceipt run) {
        return run.getTool() + (run.getTimedOut() ? " timed out" : " exited " + run.getExitCode());
    }
}
