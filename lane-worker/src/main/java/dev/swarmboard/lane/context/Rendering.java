package dev.swarmboard.lane.context;

import dev.swarmboard.lane.stage.Judgment;
import dev.swarmboard.lane.stage.ResolvedStage;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.ToolReceipt;
import java.util.List;

/** How the context builder writes the brief and receipts as prompt text; deterministic, Markdown-like. */
final class Rendering {

    static final int DISTILLED_LINES = 12;
    /** How much of an earlier tool run's output a prompt shows (its end, where test failures are). */
    static final int TOOL_OUTPUT_CHARS = 4_000;

    private Rendering() {
    }

    static String instructions(RunLane task, ResolvedStage stage) {
        return "You are the " + stage.role() + " model of stage '" + stage.name() + "' in lane '"
                + task.getLane().getLaneId() + "'. Work only from what this prompt shows. Answer with one YAML "
                + "document whose top-level key is " + stage.outputArtifact() + ". Cite blackboard evidence as "
                + "evidence_refs items {event_id, content_hash}.";
    }

    static String judgeInstructions(ResolvedStage stage, int proposals) {
        return "You judge " + proposals + " proposals for stage '" + stage.name() + "'. Pick the best proposal "
                + "or synthesize a better one from them. Answer with one YAML document whose top-level key is "
                + stage.outputArtifact() + ". " + Judgment.INSTRUCTIONS;
    }

    static String brief(RunLane task, ResolvedStage stage) {
        StringBuilder text = new StringBuilder()
                .append("# Mission goal\n").append(task.getGoal()).append('\n')
                .append("# Lane ").append(task.getLane().getLaneId()).append('\n')
                .append("objective: ").append(task.getLane().getObjective()).append('\n')
                .append("role: ").append(task.getLane().getRole()).append('\n')
                .append("scope: ").append(list(task.getScope())).append('\n')
                .append("# Attempt ").append(task.getAttempt()).append('\n');
        if (!task.getRetryReasons().isEmpty()) {
            text.append("The previous attempt failed because:\n");
            task.getRetryReasons().forEach(reason -> text.append("- ").append(reason).append('\n'));
        }
        return text.append("# Stage ").append(stage.name()).append(": write ").append(stage.outputArtifact())
                .append('\n').toString();
    }

    static String full(BlackboardEvent receipt) {
        return heading(receipt) + output(receipt) + (output(receipt).endsWith("\n") ? "" : "\n");
    }

    static String distilled(BlackboardEvent receipt) {
        StageCompleted stage = (StageCompleted) receipt.getPayload();
        List<String> lines = stage.getOutput().lines().toList();
        StringBuilder text = new StringBuilder("## ").append(stage.getArtifact())
                .append(" (event ").append(receipt.getHeader().getEventId())
                .append(", output sha256 ").append(stage.getOutputHash())
                .append(", ").append(lines.size()).append(" lines)\n");
        lines.stream().limit(DISTILLED_LINES).forEach(line -> text.append(line).append('\n'));
        if (lines.size() > DISTILLED_LINES) {
            text.append("[… ").append(lines.size() - DISTILLED_LINES).append(" more lines]\n");
        }
        return text.toString();
    }

    /** An earlier tool run for a stage that does not see every receipt: exit code, tree and capped output. */
    static String toolRun(BlackboardEvent receipt) {
        ToolReceipt tool = (ToolReceipt) receipt.getPayload();
        String output = tool.getOutput();
        boolean cut = output.length() > TOOL_OUTPUT_CHARS;
        return "## tool " + tool.getTool() + " after stage " + tool.getStage() + " at tree " + tool.getTreeId()
                + (tool.getTimedOut() ? " timed out" : " exited " + tool.getExitCode()) + " (event "
                + receipt.getHeader().getEventId() + ")\n"
                + (cut ? output.substring(output.length() - TOOL_OUTPUT_CHARS) : output)
                + (output.endsWith("\n") ? "" : "\n")
                + (cut || tool.getOutputTruncated() ? "[output cut: its last " + Math.min(output.length(),
                TOOL_OUTPUT_CHARS) + " characters shown]\n" : "");
    }

    static String label(BlackboardEvent receipt) {
        if (receipt.getPayload() instanceof ToolReceipt tool) {
            return "tool " + tool.getTool();
        }
        StageCompleted stage = (StageCompleted) receipt.getPayload();
        return stage.getArtifact().isEmpty()
                ? stage.getStage() + " " + stage.getKind().toLowerCase() + " " + stage.getProposalIndex()
                : stage.getArtifact();
    }

    private static String heading(BlackboardEvent receipt) {
        String event = " (event " + receipt.getHeader().getEventId() + ", content "
                + receipt.getHeader().getContentHash() + ")\n";
        if (receipt.getPayload() instanceof ToolReceipt tool) {
            return "## tool " + tool.getTool() + " exited " + tool.getExitCode() + event;
        }
        StageCompleted stage = (StageCompleted) receipt.getPayload();
        return "## " + label(receipt) + " by " + stage.getModelKey() + event;
    }

    private static String output(BlackboardEvent receipt) {
        return receipt.getPayload() instanceof ToolReceipt tool ? tool.getOutput()
                : ((StageCompleted) receipt.getPayload()).getOutput();
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "(none)" : String.join(", ", values);
    }
}
