package dev.swarmboard.lane.run;

import dev.swarmboard.blackboard.Events;
import dev.swarmboard.lane.workspace.Checkout;
import dev.swarmboard.lane.workspace.StartTree;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.PredecessorChange;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.LaneYielded;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The start of a workspace lane that waits for others: the predecessors' passing yields the task names
 * ({@code RunLane.startFrom}) are read from the blackboard (by event id and content hash) and their net
 * changes replayed onto the fresh checkout ({@link StartTree}). Anything that does not hold — a yield
 * missing or not passed, a tree other than the task's, a change that does not apply, a tree that does
 * not come out — is one {@value #CODE} reason: the lane cannot start from what its predecessors did, and a
 * re-run of the same task would not either.
 */
final class PredecessorStart {

    static final String CODE = "START_NOT_REPRODUCED";

    private PredecessorStart() {
    }

    /** Rebuilds the start on the checkout; why it cannot be, else empty. */
    static Optional<Reason> rebuild(LaneScope lane, Checkout checkout) {
        RunLane task = lane.task();
        List<StartTree.Step> steps = new ArrayList<>();
        for (PredecessorChange change : task.getStartFrom()) {
            String what = "the yield of lane " + change.getLaneId() + " attempt " + change.getAttempt() + " ("
                    + change.getYieldRef().getEventId() + ")";
            Optional<LaneYielded> yielded = yieldOf(lane.view(), change.getYieldRef());
            if (yielded.isEmpty() || !yielded.get().getPassed()) {
                return Optional.of(reason(change.getLaneId(), what + (yielded.isEmpty()
                        ? " is not on the blackboard with its hash" : " did not pass")));
            }
            if (!yielded.get().getTreeId().equals(change.getTreeId())) {
                return Optional.of(reason(change.getLaneId(), what + " names tree " + yielded.get().getTreeId()
                        + ", the task names " + change.getTreeId()));
            }
            steps.add(new StartTree.Step(change.getLaneId(), change.getAttempt(), yielded.get().getBaseTreeId(),
                    yielded.get().getTreeId(), yielded.get().getChangeDiff()));
        }
        for (String predecessor : task.getLane().getAfter()) {
            if (task.getStartFrom().stream().noneMatch(change -> change.getLaneId().equals(predecessor))) {
                return Optional.of(reason(predecessor, "the task names no passing change of lane " + predecessor
                        + ", which this lane waits for"));
            }
        }
        List<String> after = task.getLane().getAfter();
        String expected = after.size() != 1 ? "" : task.getStartFrom().stream()
                .filter(change -> change.getLaneId().equals(after.get(0))).findFirst()
                .map(PredecessorChange::getTreeId).orElse("");
        return StartTree.rebuild(checkout, steps, expected).map(problem -> reason(after.isEmpty() ? ""
                : String.join("+", after), "the checkout cannot start from its predecessors' changes: " + problem));
    }

    /** The LaneYielded the reference names, when the event is known with that content hash. */
    static Optional<LaneYielded> yieldOf(MissionView view, EvidenceRef ref) {
        return view.find(ref.getEventId())
                .filter(event -> Events.ref(event, "").getContentHash().equals(ref.getContentHash()))
                .map(BlackboardEvent::getPayload).filter(LaneYielded.class::isInstance).map(LaneYielded.class::cast);
    }

    private static Reason reason(String laneId, String message) {
        return new Reason(CODE, "startFrom" + (laneId.isEmpty() ? "" : "." + laneId), message,
                List.of("predecessors' receipted changes that re-apply to their recorded trees"));
    }
}
