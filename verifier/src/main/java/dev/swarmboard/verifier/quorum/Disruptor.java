package dev.swarmboard.verifier.quorum;

import dev.swarmboard.change.ChangeOverlap;
import dev.swarmboard.change.LaneAncestry;
import dev.swarmboard.change.LaneChange;
import dev.swarmboard.change.Overlap;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.Vote;
import dev.swarmboard.schema.event.LaneYielded;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The adversary: independent lanes of a workspace whose net changes touch the same lines of one file (the
 * {@link ChangeOverlap} the integration step reports as a conflict), artifact-only lanes whose engage
 * reports disagree on the same scope entry, artifact and evidence
 * references that do not resolve to a mission event or whose hash differs from it (tampering), an
 * event id written twice with different content, and receipts that arrived after their lane
 * attempt's yield.
 */
public final class Disruptor implements Validator {

    public static final String NAME = "disruptor";
    static final String ENGAGE_REPORT = "engage_report";
    private static final int SHOWN_REPORTS = 3;
    private static final int SHOWN_LANES = 3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Vote vote(RoundView round) {
        Ballot ballot = new Ballot(NAME);
        checkOverlaps(round, ballot);
        checkConflicts(round, ballot);
        for (LaneOutcome outcome : round.outcomes().values()) {
            outcome.yielded().ifPresent(yielded -> checkRefs(round, outcome, yielded, ballot));
        }
        checkAnomalies(round, ballot);
        return ballot.vote();
    }

    /**
     * Independent lanes with a workspace must not change touching lines of one file (a lane may change
     * what a lane it waits for changed); reasons in plan order.
     */
    private static void checkOverlaps(RoundView round, Ballot ballot) {
        Map<String, Set<String>> ancestry = LaneAncestry.of(round.plan().getLanes());
        List<LaneChange> changes = round.plan().getLanes().stream()
                .map(lane -> round.outcomes().get(lane.getLaneId()))
                .filter(outcome -> outcome != null && outcome.yielded().map(Disruptor::changed).orElse(false))
                .map(outcome -> new LaneChange(outcome.laneId(), outcome.yielded().orElseThrow().getChangeDiff(),
                        outcome.yielded().orElseThrow().getBaseTreeId(), ancestry.getOrDefault(outcome.laneId(),
                        Set.of())))
                .toList();
        for (Overlap overlap : ChangeOverlap.find(changes)) {
            ballot.failLane(overlap.firstLane());
            ballot.failLane(overlap.secondLane());
            ballot.object(overlap.describe());
        }
    }

    private static boolean changed(LaneYielded yielded) {
        return !yielded.getTreeId().isEmpty();
    }

    /**
     * Artifact-only lanes that claim the same scope entry must agree on their engage report. Grouped by entry, so
     * one disagreement is one reason naming the entry and how many lanes gave each report, and the
     * vote grows with the lanes, not with their pairs.
     */
    private static void checkConflicts(RoundView round, Ballot ballot) {
        Map<String, Map<String, SortedSet<String>>> reportsByEntry = new TreeMap<>();
        for (LaneOutcome outcome : round.outcomes().values()) {
            Optional<EvidenceRef> report = outcome.yielded().filter(yielded -> !changed(yielded))
                    .flatMap(yielded -> report(outcome));
            report.ifPresent(ref -> outcome.yielded().orElseThrow().getScope().forEach(entry -> reportsByEntry
                    .computeIfAbsent(entry, key -> new TreeMap<>())
                    .computeIfAbsent(ref.getContentHash(), key -> new TreeSet<>()).add(outcome.laneId())));
        }
        reportsByEntry.forEach((entry, lanesByReport) -> {
            if (lanesByReport.size() > 1) {
                lanesByReport.values().forEach(lanes -> lanes.forEach(ballot::failLane));
                ballot.object("lanes report differently on scope " + entry + ": " + ENGAGE_REPORT + " "
                        + describeReports(lanesByReport));
            }
        });
    }

    private static String describeReports(Map<String, SortedSet<String>> lanesByReport) {
        String shown = lanesByReport.entrySet().stream().limit(SHOWN_REPORTS)
                .map(report -> Hashes.abbreviate(report.getKey()) + " from " + describeLanes(report.getValue()))
                .collect(Collectors.joining(" vs "));
        int hidden = lanesByReport.size() - SHOWN_REPORTS;
        return hidden > 0 ? shown + " and " + hidden + " other reports" : shown;
    }

    private static String describeLanes(SortedSet<String> lanes) {
        String shown = lanes.stream().limit(SHOWN_LANES).collect(Collectors.joining(", "));
        return lanes.size() > SHOWN_LANES ? lanes.size() + " lanes (" + shown + ", …)" : "lane" + (lanes.size() > 1
                ? "s " : " ") + shown;
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
