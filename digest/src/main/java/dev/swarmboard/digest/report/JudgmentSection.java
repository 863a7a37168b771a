package dev.swarmboard.digest.report;

import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.schema.event.StageCompleted;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every ensemble judgment the covered events hold, in log order: lane, attempt, stage, whether the judge
 * picked a proposal (its index) or synthesized one, and the reason it stated. A judgment that stated
 * neither is shown as {@code unstated}; nothing is inferred.
 */
final class JudgmentSection {

    static final String HEADING = "Judgments";

    private JudgmentSection() {
    }

    /** The section's table, or empty text when no stage was judged. */
    static String render(List<RecordedEvent> events, Citations citations) {
        StringBuilder rows = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (RecordedEvent event : events) {
            if (seen.add(event.eventId()) && event.event().getPayload() instanceof StageCompleted stage
                    && stage.getJudgment() != null) {
                rows.append(Markdown.row(List.of(
                        Markdown.text(String.valueOf(event.event().getHeader().getLaneId())),
                        Markdown.text(String.valueOf(event.event().getHeader().getAttempt())),
                        Markdown.text(stage.getStage()), Markdown.text(stage.getJudgment()),
                        Markdown.text(stage.getJudgmentReason() == null ? "(no reason stated)"
                                : stage.getJudgmentReason()),
                        citations.cite(event.event(), "judgment of stage " + stage.getStage()))));
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        return Markdown.textRow(List.of("Lane", "Attempt", "Stage", "Judgment", "Reason", "Receipt"))
                + Markdown.separator(6) + rows + "\n";
    }
}
