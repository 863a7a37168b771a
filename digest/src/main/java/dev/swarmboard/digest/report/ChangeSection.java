package dev.swarmboard.digest.report;

import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.change.Diffstat;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.event.IntegrationCompleted;
import dev.swarmboard.schema.event.ToolReceipt;
import dev.swarmboard.text.ShownText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mission's deliverable: the integrated change on the pinned base (the full diff below
 * {@value #FULL_DIFF_CHARS} characters, else its diffstat and the patch file), the tests run on the
 * integrated tree, and how to take and revert it: the patch file, the branch, the base commit.
 */
final class ChangeSection {

    static final int FULL_DIFF_CHARS = 20_000;

    private ChangeSection() {
    }

    /** The branch a local repository receives: {@code swarm/<mission-id>}. */
    public static String branch(String missionId) {
        return "swarm/" + missionId;
    }

    static String render(BlackboardEvent integration, List<RecordedEvent> events, String patchFile,
                         Citations citations) {
        IntegrationCompleted completed = (IntegrationCompleted) integration.getPayload();
        String missionId = integration.getHeader().getMissionId();
        String cite = citations.cite(integration, "integrated change of round " + completed.getRound());
        StringBuilder text = new StringBuilder("Lanes ").append(ShownText.markdown(String.join(", ",
                        completed.getLanes()))).append(" combined in plan order on base commit ")
                .append(completed.getBaseCommit()).append(" (tree ").append(completed.getBaseTreeId())
                .append(") give tree ").append(completed.getTreeId()).append(", diff SHA-256 ")
                .append(completed.getDiffHash()).append(' ').append(cite).append(".\n\n");
        Diffstat stat = Diffstat.of(completed.getDiff());
        if (completed.getDiff().length() <= FULL_DIFF_CHARS) {
            text.append(WorkSection.fenced(completed.getDiff())).append('\n');
        } else {
            text.append("The diff has ").append(completed.getDiff().length()).append(" characters, over the report's "
                    + "limit of ").append(FULL_DIFF_CHARS).append("; its diffstat follows, the full change is in ")
                    .append(ShownText.markdown(patchFile)).append(".\n\n").append(WorkSection.fenced(stat.render()))
                    .append('\n');
        }
        text.append("Tests on the integrated tree:\n\n")
                .append(Markdown.textRow(List.of("Tool", "Exit", "Tree", "Receipt"))).append(Markdown.separator(4));
        Map<String, BlackboardEvent> byId = new HashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.eventId(), event.event()));
        for (EvidenceRef ref : completed.getTestReceipts()) {
            BlackboardEvent receipt = byId.get(ref.getEventId());
            if (receipt != null && receipt.getPayload() instanceof ToolReceipt run) {
                text.append(Markdown.row(List.of(Markdown.text(run.getTool()), Integer.toString(run.getExitCode()),
                        Markdown.text(run.getTreeId()), citations.cite(receipt, "tests " + run.getTool()
                                + " on the integrated tree"))));
            }
        }
        text.append("\nTake it: `git am ").append(ShownText.markdown(patchFile)).append("` (or `git apply`) on commit ")
                .append(completed.getBaseCommit()).append(", or, for a repository given as a local path, the branch `")
                .append(ShownText.markdown(branch(missionId))).append("` (created by the digest, never overwritten).\n\n")
                .append("Revert it: `git revert --no-edit ").append(ShownText.markdown(branch(missionId)))
                .append("` once merged, or `git apply -R ").append(ShownText.markdown(patchFile))
                .append("` on an unmerged working tree; the base commit is ").append(completed.getBaseCommit())
                .append(".\n");
        return text.toString();
    }
}
