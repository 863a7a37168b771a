package dev.swarmboard.lane.context;

import dev.swarmboard.lane.stage.ResolvedStage;
import dev.swarmboard.phase.MissionPhaseNames;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.MissionArtifact;
import dev.swarmboard.schema.RunLane;
import java.util.ArrayList;
import java.util.List;

/**
 * The mission-level artifacts a stage is shown from its task: the one its input names
 * ({@code mission.<phase>}) for any strategy but {@code fresh}, and every one for {@code full}. Each is
 * cited by the receipt that carries it.
 */
public final class MissionInputs {

    /** The prefix of an input that names a mission-level phase. */
    public static final String PREFIX = MissionPhaseNames.INPUT_PREFIX;

    private MissionInputs() {
    }

    /** The text shown and the receipts it cites. */
    public record Shown(String text, List<EvidenceRef> refs) {
    }

    public static Shown render(RunLane task, ResolvedStage stage) {
        StringBuilder text = new StringBuilder();
        List<EvidenceRef> refs = new ArrayList<>();
        for (MissionArtifact artifact : task.getMissionArtifacts()) {
            boolean named = stage.input().equals(PREFIX + artifact.getPhase());
            boolean shown = switch (stage.context()) {
                case FULL -> true;
                case FRESH -> false;
                default -> named;
            };
            if (shown) {
                text.append("## ").append(PREFIX).append(artifact.getPhase()).append(": ").append(artifact.getArtifact())
                        .append(" (event ").append(artifact.getReceipt().getEventId()).append(", content ")
                        .append(artifact.getReceipt().getContentHash()).append(")\n").append(artifact.getText())
                        .append(artifact.getText().endsWith("\n") ? "" : "\n");
                refs.add(artifact.getReceipt());
            }
        }
        return new Shown(text.toString(), refs);
    }

    /** Whether the task carries the mission artifact a stage input names (true for any other input). */
    public static boolean available(RunLane task, String input) {
        return !input.startsWith(PREFIX) || task.getMissionArtifacts().stream()
                .anyMatch(artifact -> input.equals(PREFIX + artifact.getPhase()));
    }
}
