package dev.swarmboard.digest.report;

import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.text.ShownText;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.StageCompleted;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit lane's review, shown as advisory text: a model wrote it after the verdict, so it is quoted
 * under a label saying it decided nothing (PASS or FAIL is the quorum's alone). A failed audit shows
 * its reasons instead.
 */
final class AuditSection {

    static final String HEADING = "Audit (advisory)";
    static final String LABEL = "Advisory: a model's review of the passed change, written after the verdict."
            + " It decided nothing; the verdict above is the quorum's alone.";
    static final int SHOWN_CHARS = 3_000;

    private AuditSection() {
    }

    static String render(BlackboardEvent outcome, List<RecordedEvent> events, Citations citations) {
        StringBuilder text = new StringBuilder(LABEL).append("\n\n");
        if (outcome.getPayload() instanceof LaneFailed failed) {
            text.append("The audit lane failed ").append(citations.cite(outcome, "audit lane failed")).append(":\n\n");
            for (Reason reason : failed.getReasons()) {
                text.append("- ").append(ShownText.markdown(reason.getCode() + " " + reason.getField() + ": "
                        + reason.getMessage())).append('\n');
            }
            return text.append('\n').toString();
        }
        Map<String, BlackboardEvent> byId = new HashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.eventId(), event.event()));
        List<EvidenceRef> artifacts = ((LaneYielded) outcome.getPayload()).getArtifacts();
        for (EvidenceRef ref : artifacts) {
            BlackboardEvent receipt = byId.get(ref.getEventId());
            if (receipt != null && receipt.getPayload() instanceof StageCompleted stage) {
                text.append("Audit artifact ").append(ShownText.markdown(stage.getArtifact())).append(' ')
                        .append(citations.cite(receipt, "audit artifact " + stage.getArtifact())).append(":\n\n");
                quote(stage.getOutput(), text);
            }
        }
        return text.toString();
    }

    private static void quote(String output, StringBuilder text) {
        String shown = output.length() > SHOWN_CHARS ? output.substring(0, SHOWN_CHARS) : output;
        for (String line : shown.split("\n", -1)) {
            text.append("> ").append(ShownText.markdown(line)).append("  \n");
        }
        if (output.length() > SHOWN_CHARS) {
            text.append("> … ").append(output.length() - SHOWN_CHARS).append(" more characters  \n");
        }
        text.append('\n');
    }
}
