package dev.swarmboard.lane.validation;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.ToolReceipt;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Yield judges: the lane attempt's task, the artifacts it must have produced, the attempt's own
 * receipts (first copy of each event id, in log order) and every event of the mission by id, against
 * which evidence references are resolved.
 *
 * @param requiredArtifacts artifact names the lane must yield
 * @param attemptEvents     this attempt's events, de-duplicated by event id, in log order
 * @param missionEvents     the first event of every id in the mission's log
 */
public record LaneEvidence(RunLane task, List<String> requiredArtifacts, List<BlackboardEvent> attemptEvents,
                           Map<String, BlackboardEvent> missionEvents) {

    public LaneEvidence {
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
