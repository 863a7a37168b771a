package dev.swarmboard.digest.report;

import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.change.Diffstat;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.text.ShownText;
import dev.swarmboard.verifier.quorum.LaneOutcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The work itself, per planned lane at its counted attempt: the text of its final artifact (at most
 * {@value #SHOWN_ARTIFACT_CHARS} characters, each line escaped with {@link ShownText#markdown}, the rest
 * left to the cited event) and, for a workspace lane, the diffstat of its net change. A lane that waits
 * for others says so, in plan (sequence) order, and its change names the predecessors' tree it started from.
 */
final class WorkSection {

    static final int SHOWN_ARTIFACT_CHARS = 1_500;

    private WorkSection() {
    }

    static String render(Plan plan, List<LaneOutcome> outcomes, List<RecordedEvent> events, Citations citations) {
        Map<String, BlackboardEvent> byId = new HashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.eventId(), event.event()));
        Map<String, List<LaneOutcome>> byLane = LaneMatrix.byLane(outcomes);
        StringBuilder text = new StringBuilder();
        for (PlannedLane lane : plan.getLanes()) {
            Optional<LaneOutcome> latest = LaneMatrix.latest(byLane.getOrDefault(lane.getLaneId(), List.of()));
            text.append("### Lane ").append(ShownText.markdown(lane.getLaneId())).append("\n\n");
            if (!lane.getAfter().isEmpty()) {
                text.append("After lanes ").append(ShownText.markdown(String.join(", ", lane.getAfter())))
                        .append(".\n\n");
            }
            if (latest.isEmpty() || latest.get().yielded().isEmpty()) {
                text.append("No yield.\n\n");
                continue;
            }
            LaneYielded yielded = latest.get().yielded().get();
            List<EvidenceRef> artifacts = yielded.getArtifacts();
            if (!artifacts.isEmpty()) {
                artifact(artifacts.get(artifacts.size() - 1), byId, citations, text);
            }
            if (!yielded.getTreeId().isEmpty()) {
                text.append("Change of ").append(latest.get().describe()).append(", tree ").append(yielded.getTreeId())
                        .append(lane.getAfter().isEmpty() ? ""
                                : " from its predecessors' tree " + yielded.getBaseTreeId())
                        .append(' ').append(citations.cite(latest.get().event(), "net change of lane "
                                + latest.get().describe())).append(":\n\n");
                text.append(fenced(Diffstat.of(yielded.getChangeDiff()).render())).append('\n');
            }
        }
        return text.toString();
    }

    private static void artifact(EvidenceRef ref, Map<String, BlackboardEvent> byId, Citations citations,
                                 StringBuilder text) {
        BlackboardEvent receipt = byId.get(ref.getEventId());
        if (receipt == null || !(receipt.getPayload() instanceof StageCompleted stage)) {
            return;
        }
        String output = stage.getOutput();
        text.append("Final artifact ").append(ShownText.markdown(stage.getArtifact())).append(' ')
                .append(citations.cite(receipt, "artifact " + stage.getArtifact())).append(":\n\n");
        String shown = output.length() > SHOWN_ARTIFACT_CHARS ? output.substring(0, SHOWN_ARTIFACT_CHARS) : output;
        for (String line : shown.split("\n", -1)) {
            text.append("> ").append(ShownText.markdown(line)).append("  \n");
        }
        if (output.length() > SHOWN_ARTIFACT_CHARS) {
            text.append("> … ").append(output.length() - SHOWN_ARTIFACT_CHARS).append(" more characters in event ")
                    .append(ShownText.markdown(ref.getEventId())).append("  \n");
        }
        text.append('\n');
    }

    /**
     * Text in a code fence longer than any backtick run in it, each line escaped with
     * {@link ShownText#terminal}, so no text can close the fence or carry a control character.
     */
    static String fenced(String body) {
        int longest = 0;
        int run = 0;
        for (char c : body.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        StringBuilder text = new StringBuilder(fence).append('\n');
        for (String line : body.split("\n", -1)) {
            text.append(ShownText.terminal(line)).append('\n');
        }
        if (body.endsWith("\n")) {
            text.setLength(text.length() - 1);
        }
        return text.append(fence).append('\n').toString();
    }
}
