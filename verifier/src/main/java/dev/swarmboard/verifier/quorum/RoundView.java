package dev.swarmboard.verifier.quorum;

import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the validators see of a round at the moment it is decided: the plan, the current outcome of
 * each lane, the lanes still missing, whether the deadline passed, the receipts and the event index.
 *
 * @param deadlinePassed the plan deadline when the round is decided because it passed, else null
 */
public record RoundView(String missionId, Plan plan, int round, Map<String, LaneOutcome> outcomes,
                        List<String> missingLanes, Instant deadlinePassed, ReceiptLedger receipts,
                        EventIndex index) {

    public Optional<PlannedLane> plannedLane(String laneId) {
        return plan.getLanes().stream().filter(lane -> lane.getLaneId().equals(laneId)).findFirst();
    }

    public List<ToolUse> toolUses(LaneOutcome outcome) {
        return receipts.toolUses().stream().filter(use -> use.of(outcome.laneId(), outcome.attempt())).toList();
    }

    /** The reason every validator that fails a round on its deadline gives. */
    public String deadlineReason() {
        return "deadline " + deadlinePassed + " passed before round " + round + " completed; missing lanes: "
                + String.join(", ", missingLanes);
    }
}
