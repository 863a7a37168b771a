package dev.swarmboard.verifier.quorum;

import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.Vote;
import dev.swarmboard.schema.event.LaneYielded;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The adversary: lanes whose engage reports disagree on the same scope entry, artifact and evidence
 * references that do not resolve to a mission event or whose hash differs from it (tampering), an
 * event id written twice with different content, and receipts that arrived after their lane
 * attempt's yield.
 */
public final class Disruptor implements Validator {

    public static final String NAME = "disruptor";
    static final String ENGAGE_REPORT = "engage_report";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Vote vote(RoundView round) {
        Ballot ballot = new Ballot(NAME);
        checkConflicts(round, ballot);
        for (LaneOutcome outcome : round.outcomes().values()) {
            outcome.yielded().ifPresent(yielded -> checkRefs(round, outcome, yielded, ballot));
        }
        checkAnomalies(round, ballot);
        return ballot.vote();
    }

    private static void checkConflicts(RoundView round, Ballot ballot) {
        List<LaneOutcome> yields = round.outcomes().values().stream().filter(o -> o.yielded().isPresent()).toList();
        for (int i = 0; i < yields.size(); i++) {
            for (int j = i + 1; j < yields.size(); j++) {
                checkPair(yields.get(i), yields.get(j), ballot);
            }
        }
    }

    private static void checkPair(LaneOutcome first, LaneOutcome second, Ballot ballot) {
        Optional<EvidenceRef> firstReport = report(first);
        Optional<EvidenceRef> secondReport = report(second);
        if (firstReport.isEmpty() || secondReport.isEmpty()
                || firstReport.get().getContentHash().equals(secondReport.get().getContentHash())) {
            return;
        }
        List<String> shared = new ArrayList<>(first.yielded().orElseThrow().getScope());
        shared.retainAll(second.yielded().orElseThrow().getScope());
        for (String entry : shared) {
            String reason = "lanes " + first.laneId() + " and " + second.laneId() + " report differently on scope "
                    + entry + ": " + ENGAGE_REPORT + " " + Hashes.abbreviate(firstReport.get().getContentHash())
                    + " vs " + Hashes.abbreviate(secondReport.get().getContentHash());
            ballot.object(first.laneId(), reason);
            ballot.object(second.laneId(), reason);
        }
    }

    private static Optional<EvidenceRef> report(LaneOutcome outcome) {
        return outcome.yielded().orElseThrow().getArtifacts().stream()
                .filter(ref -> ENGAGE_REPORT.equals(ref.getLabel())).findFirst();
    }

    private static void checkRefs(RoundView round, LaneOutcome outcome, LaneYielded yielded, Ballot ballot) {
        checkRefs(round, outcome, "artifact", yielded.getArtifacts(), ballot);
        checkRefs(round, outcome, "evidence", yielded.getEvidenceRefs(), ballot);
    }

    private static void checkRefs(RoundView round, LaneOutcome outcome, String kind, List<EvidenceRef> refs,
                                  Ballot ballot) {
        for (EvidenceRef ref : refs) {
            round.index().unresolved(ref).ifPresent(problem -> ballot.object(outcome.laneId(), outcome.describe()
                    + ": " + kind + " ref " + ref.getEventId() + " (" + ref.getLabel() + ") " + problem));
        }
    }

    private static void checkAnomalies(RoundView round, Ballot ballot) {
        Map<String, LaneOutcome> outcomes = round.outcomes();
        for (Anomaly anomaly : round.index().anomalies()) {
            LaneOutcome outcome = anomaly.laneId() == null ? null : outcomes.get(anomaly.laneId());
            if (anomaly.laneId() == null) {
                ballot.object(describe(anomaly));
            } else if (outcome != null && anomaly.concerns(outcome.laneId(), outcome.attempt())) {
                ballot.object(anomaly.laneId(), outcome.describe() + ": " + describe(anomaly));
            }
        }
    }

    private static String describe(Anomaly anomaly) {
        return switch (anomaly.kind()) {
            case CONFLICTING_DUPLICATE -> anomaly.eventType() + " " + anomaly.eventId()
                    + " was written again with different content";
            case RECEIPT_AFTER_YIELD -> anomaly.eventType() + " " + anomaly.eventId() + " arrived after the yield";
        };
    }
}
