package dev.swarmboard.orchestrator.decision;

import dev.swarmboard.orchestrator.state.PlanProgress;
import dev.swarmboard.orchestrator.validation.ReasonCode;
import dev.swarmboard.orchestrator.validation.Reasons;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which waiting lanes of the current round may be sent now. A lane is ready when every lane it waits
 * for ({@code after}) has passed its yield at its current attempt; it is blocked (it cannot run this
 * round) when one of them failed or was blocked. Ready lanes are sent in plan order while the plan's
 * {@code maxParallelLanes} (0 = no cap) leaves room next to the lanes in flight. Pure.
 */
public final class Sequencing {

    private Sequencing() {
    }

    /** The waiting lanes to send now and those to end as blocked, in plan order. */
    public record Release(List<String> ready, List<Blocked> blocked) {

        public Release {
            ready = List.copyOf(ready);
            blocked = List.copyOf(blocked);
        }

        public boolean isEmpty() {
            return ready.isEmpty() && blocked.isEmpty();
        }
    }

    /** A lane that cannot run this round because {@code predecessor} failed or was blocked. */
    public record Blocked(String laneId, String predecessor) {

        public String reason() {
            return "lane " + laneId + " waits for lane " + predecessor + ", which did not pass this round";
        }
    }

    /** The release among the lanes the progress holds back. */
    public static Release release(PlanProgress progress) {
        return release(progress, progress.heldLanes(), progress.inFlight());
    }

    /** The release among {@code held} lanes with {@code inFlight} lanes already running. */
    public static Release release(PlanProgress progress, List<String> held, int inFlight) {
        int cap = progress.plan().getMaxParallelLanes();
        Set<String> notPassing = new HashSet<>();
        progress.plan().getLanes().stream().map(PlannedLane::getLaneId).filter(progress::failed)
                .forEach(notPassing::add);
        List<String> ready = new ArrayList<>();
        List<Blocked> blocked = new ArrayList<>();
        int running = inFlight;
        for (PlannedLane lane : progress.plan().getLanes()) {
            if (!held.contains(lane.getLaneId())) {
                continue;
            }
            List<String> after = lane.getAfter();
            Optional<String> failedPredecessor = after.stream().filter(notPassing::contains).findFirst();
            if (failedPredecessor.isPresent()) {
                blocked.add(new Blocked(lane.getLaneId(), failedPredecessor.get()));
                notPassing.add(lane.getLaneId());
            } else if (after.stream().allMatch(progress::passed) && (cap <= 0 || running < cap)) {
                ready.add(lane.getLaneId());
                running++;
            }
        }
        return new Release(ready, blocked);
    }

    /** The reason a blocked lane's LaneFailed carries. */
    static Reason reasonOf(Blocked blocked) {
        return Reasons.of(ReasonCode.PREDECESSOR_FAILED, "lanes." + blocked.laneId() + ".after", blocked.reason());
    }
}
