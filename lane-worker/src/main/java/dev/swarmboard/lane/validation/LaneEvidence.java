package dev.swarmboard.lane.validation;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.ChangeApplied;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.ToolReceipt;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Yield judges: the lane attempt's task, the artifacts it must have produced, the attempt's own
 * receipts (first copy of each event id, in log order) and every event of the mission by id, against
 * which evidence references are resolved.
 *
 * @param requiredArtifacts artifact names the lane must yield
 * @param attemptEvents     this attempt's events, de-duplicated by event id, in log order
 * @param missionEvents     the first event of every id in the mission's log
 * @param allowFailure      tools the registry lets exit non-zero ({@code allow_failure: true})
 */
public record LaneEvidence(RunLane task, List<String> requiredArtifacts, List<BlackboardEvent> attemptEvents,
                           Map<String, BlackboardEvent> missionEvents, Set<String> allowFailure) {

    /** Evidence of a lane whose tools all fail policy_checks on a non-zero exit. */
    public LaneEvidence(RunLane task, List<String> requiredArtifacts, List<BlackboardEvent> attemptEvents,
                        Map<String, BlackboardEvent> missionEvents) {
        this(task, requiredArtifacts, attemptEvents, missionEvents, Set.of());
    }

    public LaneEvidence {
        allowFailure = Set.copyOf(allowFailure);
        requiredArtifacts = List.copyOf(requiredArtifacts);
        attemptEvents = List.copyOf(attemptEvents);
        missionEvents = Map.copyOf(missionEvents);
    }

    /** Every StageCompleted receipt of the attempt, in log order. */
    public List<BlackboardEvent> stageReceipts() {
        return attemptEvents.stream().filter(event -> event.getPayload() instanceof StageCompleted).toList();
    }

    /** Every ToolReceipt of the attempt, in log order. */
    public List<ToolReceipt> toolReceipts() {
        return attemptEvents.stream().map(BlackboardEvent::getPayload)
                .filter(ToolReceipt.class::isInstance).map(ToolReceipt.class::cast).toList();
    }

    /** Every change the attempt applied to its checkout, in log order. */
    public List<ChangeApplied> changes() {
        return attemptEvents.stream().map(BlackboardEvent::getPayload)
                .filter(ChangeApplied.class::isInstance).map(ChangeApplied.class::cast).toList();
    }

    /**
     * The tree the attempt ended at: the last change's tree, else the tree its tools ran on (the base);
     * empty for a lane without a workspace.
     */
    public String finalTree() {
        List<ChangeApplied> changes = changes();
        if (!changes.isEmpty()) {
            return changes.get(changes.size() - 1).getTreeId();
        }
        return toolReceipts().stream().map(ToolReceipt::getTreeId).filter(tree -> !tree.isEmpty()).findFirst()
                .orElse("");
    }

    /** Whether the lane works on a repository. */
    public boolean hasWorkspace() {
        return task.getLane().getWorkspace() != null;
    }

    /** The first receipt carrying the named artifact. */
    public Optional<BlackboardEvent> artifactReceipt(String artifact) {
        return stageReceipts().stream()
                .filter(event -> artifact.equals(((StageCompleted) event.getPayload()).getArtifact()))
                .findFirst();
    }

    /** The receipts of the required artifacts that are present, in the order the artifacts are required. */
    public List<BlackboardEvent> presentArtifacts() {
        return requiredArtifacts.stream().map(this::artifactReceipt).flatMap(Optional::stream).toList();
    }

    /** The artifact receipt's payload. */
    public static StageCompleted stage(BlackboardEvent receipt) {
        return (StageCompleted) receipt.getPayload();
    }
}
