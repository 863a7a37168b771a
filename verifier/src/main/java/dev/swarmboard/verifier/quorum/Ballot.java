package dev.swarmboard.verifier.quorum;

import dev.swarmboard.schema.Vote;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A vote being filled in: each objection adds a reason and, when it is about a lane, names the
 * lane. No objection means PASS. Reasons and lanes come out sorted, so equal rounds give equal votes.
 * Each reason is cut to {@link #REASON_CHARS} and a vote keeps at most {@link #REASONS} of them (the
 * last counting the rest), so a vote is bounded by a constant plus its failing lane ids.
 */
final class Ballot {

    /** The longest reason kept, in characters (docs/verifier.md, Verdict size). */
    static final int REASON_CHARS = 300;
    /** The most reasons one vote keeps. */
    static final int REASONS = 100;

    private final String validator;
    private final SortedSet<String> reasons = new TreeSet<>();
    private final SortedSet<String> failingLanes = new TreeSet<>();

    Ballot(String validator) {
        this.validator = validator;
    }

    void object(String reason) {
        reasons.add(reason.length() <= REASON_CHARS ? reason : cut(reason) + "…");
    }

    void object(String lane, String reason) {
        failLane(lane);
        object(reason);
    }

    /** Names a failing lane whose reason is given once for several lanes. */
    void failLane(String lane) {
        failingLanes.add(lane);
    }

    /** Missing lanes fail the round once its deadline passed. */
    void objectToDeadline(RoundView round) {
        if (round.deadlinePassed() != null) {
            object(round.deadlineReason());
            failingLanes.addAll(round.missingLanes());
        }
    }

    private static String cut(String reason) {
        int end = REASON_CHARS - 1;
        return reason.substring(0, Character.isHighSurrogate(reason.charAt(end - 1)) ? end - 1 : end);
    }

    Vote vote() {
        List<String> kept = reasons.stream().limit(REASONS).toList();
        if (reasons.size() > REASONS) {
            kept = new ArrayList<>(kept.subList(0, REASONS - 1));
            kept.add((reasons.size() - REASONS + 1) + " more objections left out");
        }
        return new Vote(validator, reasons.isEmpty(), kept, List.copyOf(failingLanes));
    }
}
