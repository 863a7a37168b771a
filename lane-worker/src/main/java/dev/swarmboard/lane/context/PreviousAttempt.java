package dev.swarmboard.lane.context;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.ChangedFile;
import dev.swarmboard.schema.event.ChangeApplied;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.ToolReceipt;
import java.util.List;
import java.util.OptionalInt;

/**
 * What a re-run is shown of the lane's previous attempt, read from that attempt's receipts on the
 * blackboard: each artifact distilled (first lines and hash), each change (files and the diff's first
 * lines), each tool run (exit code and the tail of its output). The whole section is bounded to
 * {@value #MAX_CHARS} characters so a retry's prompt stays small whatever the earlier attempt wrote. Pure.
 */
public final class PreviousAttempt {

    static final int MAX_CHARS = 6_000;
    static final int DIFF_LINES = 20;
    static final int TOOL_TAIL_CHARS = 800;

    private PreviousAttempt() {
    }

    /** The latest attempt of {@code laneId} before {@code attempt} that left events, if any. */
    public static OptionalInt before(List<BlackboardEvent> events, String laneId, int attempt) {
        return events.stream().filter(event -> laneId.equals(event.getHeader().getLaneId()))
                .mapToInt(event -> event.getHeader().getAttempt()).filter(earlier -> earlier > 0 && earlier < attempt)
                .max();
    }

    /** The section for the lane's attempt before {@code attempt}, from the mission's events; empty on a first attempt. */
    public static String of(List<BlackboardEvent> events, String laneId, int attempt) {
        OptionalInt previous = before(events, laneId, attempt);
        if (previous.isEmpty()) {
            return "";
        }
        return render(previous.getAsInt(), events.stream().filter(event -> laneId.equals(event.getHeader().getLaneId())
                && event.getHeader().getAttempt() == previous.getAsInt()).toList());
    }

    /** The section for the previous attempt's receipts (in log order); empty when there are none. */
    public static String render(int attempt, List<BlackboardEvent> receipts) {
        StringBuilder text = new StringBuilder();
        for (BlackboardEvent receipt : receipts) {
            Object payload = receipt.getPayload();
            if (payload instanceof StageCompleted stage && !stage.getArtifact().isEmpty()) {
                text.append(Rendering.distilled(receipt).replaceFirst("^## ", "### "));
            } else if (payload instanceof ChangeApplied change) {
                text.append(change(change));
            } else if (payload instanceof ToolReceipt tool) {
                text.append(tool(tool));
            }
        }
        if (text.isEmpty()) {
            return "";
        }
        String body = text.length() > MAX_CHARS
                ? text.substring(0, MAX_CHARS) + "\n[… previous attempt cut at " + MAX_CHARS + " characters]\n"
                : text.toString();
        return "# What attempt " + attempt + " left (its receipts, distilled)\n" + body;
    }

    private static String change(ChangeApplied change) {
        StringBuilder text = new StringBuilder("### change of stage ").append(change.getStage()).append(" to tree ")
                .append(change.getTreeId()).append(": ");
        text.append(String.join(", ", change.getFiles().stream().map(PreviousAttempt::file).toList())).append('\n');
        List<String> lines = change.getDiff().lines().toList();
        lines.stream().limit(DIFF_LINES).forEach(line -> text.append(line).append('\n'));
        if (lines.size() > DIFF_LINES) {
            text.append("[… ").append(lines.size() - DIFF_LINES).append(" more diff lines]\n");
        }
        return text.toString();
    }

    private static String file(ChangedFile file) {
        return file.getPath() + " " + file.getStatus() + " +" + file.getAdded() + " -" + file.getRemoved();
    }

    private static String tool(ToolReceipt tool) {
        String output = tool.getOutput();
        String tail = output.length() > TOOL_TAIL_CHARS ? "[…]" + output.substring(output.length() - TOOL_TAIL_CHARS)
                : output;
        return "### tool " + tool.getTool() + " after stage " + tool.getStage()
                + (tool.getTimedOut() ? " timed out" : " exited " + tool.getExitCode()) + "\n" + tail
                + (tail.endsWith("\n") ? "" : "\n");
    }
}
