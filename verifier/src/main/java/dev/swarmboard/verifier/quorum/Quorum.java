package dev.swarmboard.verifier.quorum;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.telemetry.Traceparents;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.blackboard.HeadHash;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.Vote;
import dev.swarmboard.schema.event.QuorumReached;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The verdict of a round: the three validators vote in a fixed order, and the round passes when at
 * least the plan's threshold of them pass and no lane is missing. A failing round names the lanes of
 * every failing vote. The event is a pure function of the round, its head and its trigger, so a
 * replay of the log writes the same bytes.
 */
public final class Quorum {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";
    /** Producer of every verdict: one name for all instances, so any instance writes the same bytes. */
    public static final String PRODUCER = "verifier";

    private static final List<Validator> VALIDATORS = List.of(new Immunizer(), new Disruptor(), new VerifierAux());

    private Quorum() {
    }

    /**
     * The verdict event of a round.
     *
     * @param at          when it occurred: the triggering record's timestamp, or the passed deadline
     * @param causationId the triggering event, or the plan event for a deadline verdict
     * @param causeTraceparent that event's traceparent: the verdict's is its child with a span id derived from the
     *                         verdict's id, so a replay derives the same bytes and the verifier's span has that id
     */
    static BlackboardEvent verdict(RoundView round, HeadHash head, Instant at, String causationId,
                                   String causeTraceparent) {
        List<Vote> votes = VALIDATORS.stream().map(validator -> validator.vote(round)).toList();
        int threshold = threshold(round.plan());
        long passes = votes.stream().filter(Vote::getPass).count();
        boolean passed = passes >= threshold && round.missingLanes().isEmpty();
        QuorumReached payload = QuorumReached.newBuilder()
                .setRound(round.round())
                .setVerdict(passed ? PASS : FAIL)
                .setVotes(votes)
                .setThreshold(threshold)
                .setFailingLanes(passed ? List.of() : failingLanes(votes))
                .setMissingLanes(List.copyOf(round.missingLanes()))
                .setHeadHash(head.hex())
                .setEventCount(head.count())
                .setPlanId(round.plan().getPlanId())
                .build();
        String verdictId = verdictId(round.missionId(), round.plan().getPlanId(), round.round());
        EventOrigin origin = new EventOrigin(round.missionId(), null, round.round(), PRODUCER, causationId,
                Traceparents.derivedChild(causeTraceparent, verdictId));
        return Events.create(verdictId, origin, payload, at);
    }

    /**
     * The id of a round's verdict. It includes the plan id, so a superseding plan's verdict for the
     * same round number is not mistaken for a duplicate of the earlier one.
     */
    public static String verdictId(String missionId, String planId, int round) {
        return Events.deterministicId(missionId, "QuorumReached", planId, Integer.toString(round));
    }

    /** The plan's threshold when it is between 1 and the number of validators; otherwise all must pass. */
    static int threshold(Plan plan) {
        int threshold = plan.getQuorumThreshold();
        return threshold >= 1 && threshold <= VALIDATORS.size() ? threshold : VALIDATORS.size();
    }

    private static List<String> failingLanes(List<Vote> votes) {
        SortedSet<String> lanes = new TreeSet<>();
        votes.stream().filter(vote -> !vote.getPass()).forEach(vote -> lanes.addAll(vote.getFailingLanes()));
        return List.copyOf(lanes);
    }

    public static boolean passed(QuorumReached verdict) {
        return PASS.equals(verdict.getVerdict());
    }
}
