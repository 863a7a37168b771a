package dev.swarmboard.verifier.quorum;

import dev.swarmboard.schema.Vote;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A vote being filled in: each objection adds a reason and, when it is about a lane, names the
 * lane. No objection means PASS. Reasons and lanes come out sorted, so equal rounds give equal votes.
 */
final class Ballot {

    private final String validator;
    private final SortedSet<String> reasons = new TreeSet<>();
    private final SortedSet<String> failingLanes = new TreeSet<>();

    Ballot(String validator) {
        this.validator = validator;
    }

    void object(String reason) {
        reasons.add(reason);
    }

    void object(String lane, String reason) {
        failingLanes.add(lane);
        reasons.add(reason);
    }

    /** Missing lanes fail the round once its deadline passed. */
    void objectToDeadline(RoundView round) {
        if (round.deadlinePassed() != null) {
            object(round.deadlineReason());
            failingLanes.addAll(round.missingLanes());
        }
    }

    Vote vote() {
        return new Vote(validator, reasons.isEmpty(), List.copyOf(reasons), List.copyOf(failingLanes));
    }
}
