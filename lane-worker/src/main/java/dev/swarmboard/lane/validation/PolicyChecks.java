package dev.swarmboard.lane.validation;

import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.ToolReceipt;
import dev.swarmboard.lane.workspace.ScopePaths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code policy_checks}: every tool that ran is one of the lane's tools and, when the mission lists
 * allowed capabilities, one of those; a non-test tool exited 0 unless the registry allows its failure;
 * every path a change touched is inside the attempt's scope; and the attempt's scope is within the
 * lane's planned scope.
 */
public final class PolicyChecks implements YieldCheck {

    public static final String NAME = "policy_checks";

    @Override
    public CheckResult check(LaneEvidence evidence) {
        RunLane task = evidence.task();
        PlannedLane lane = task.getLane();
        List<String> problems = new ArrayList<>();
        Set<String> ran = new LinkedHashSet<>(evidence.toolReceipts().stream().map(ToolReceipt::getTool).toList());
        for (String tool : ran) {
            if (!lane.getTools().contains(tool)) {
                problems.add("tool " + tool + " is not one of the lane's tools " + lane.getTools());
            }
            if (!task.getAllowedCapabilities().isEmpty() && !task.getAllowedCapabilities().contains(tool)) {
                problems.add("tool " + tool + " is not in the mission's allowed capabilities "
                        + task.getAllowedCapabilities());
            }
        }
        for (ToolReceipt run : evidence.toolReceipts()) {
            if (!run.getTestsTool() && (run.getExitCode() != 0 || run.getTimedOut())
                    && !evidence.allowFailure().contains(run.getTool())) {
                problems.add("tool " + run.getTool() + " after stage " + run.getStage()
                        + (run.getTimedOut() ? " timed out" : " exited " + run.getExitCode())
                        + " (the registry does not mark it allow_failure)");
            }
        }
        for (var change : evidence.changes()) {
            change.getFiles().stream().map(file -> file.getPath())
                    .filter(path -> !ScopePaths.inScope(task.getScope(), path)).forEach(path -> problems.add(
                    "the change of stage " + change.getStage() + " touches " + path + ", outside the scope "
                            + task.getScope()));
        }
        List<String> outside = task.getScope().stream().filter(entry -> !lane.getScope().contains(entry)).toList();
        if (!outside.isEmpty()) {
            problems.add("scope " + outside + " is outside the lane's planned scope " + lane.getScope());
        }
        return YieldCheck.of(NAME, problems, (ran.isEmpty() ? "no tool ran" : "tools " + ran + " allowed")
                + "; scope within plan");
    }
}
