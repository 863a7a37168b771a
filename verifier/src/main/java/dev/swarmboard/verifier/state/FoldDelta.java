package dev.swarmboard.verifier.state;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.verifier.quorum.LaneOutcome;
import dev.swarmboard.verifier.quorum.MissionVerification;
import dev.swarmboard.verifier.quorum.ToolUse;
import dev.swarmboard.verifier.quorum.Anomaly;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one step of a mission's fold changed, as state entries to write: taken before the step, it
 * compares the fold after it. The fold only appends to its index, receipts, anomalies and outcomes,
 * so a step adds at most an event hash and a few list entries; lanes and the plan are written when
 * they change, and the summary always. That is what keeps one event's changelog bytes independent of
 * the mission's size.
 */
public final class FoldDelta {

    private final String eventId;
    private final boolean eventKnown;
    private final int anomalies;
    private final int toolUses;
    private final int outcomes;
    private final BlackboardEvent plan;
    private final Map<String, Integer> expected;

    private FoldDelta(MissionVerification fold, String eventId) {
        this.eventId = eventId;
        this.eventKnown = eventId == null || fold.index().contentHashes().containsKey(eventId);
        this.anomalies = fold.index().anomalies().size();
        this.toolUses = fold.receipts().toolUses().size();
        this.outcomes = fold.rounds().outcomes().size();
        this.plan = fold.rounds().planEvent();
        this.expected = new TreeMap<>(fold.rounds().expectedAttempts());
    }

    /** The fold before it folds the event with this id ({@code null} for a deadline, which folds no event). */
    static FoldDelta before(MissionVerification fold, String eventId) {
        return new FoldDelta(fold, eventId);
    }

    /** The entries to put (a {@code null} value deletes) so the store holds the fold as it is now. */
    Map<String, byte[]> entries(MissionVerification fold, EntryCodec codec) {
        String mission = fold.missionId();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        String hash = eventKnown ? null : fold.index().contentHashes().get(eventId);
        if (hash != null) {
            entries.put(StateKey.of(mission, StateKey.Kind.EVENT_HASH, eventId), EntryCodec.text(hash));
        }
        List<Anomaly> newAnomalies = fold.index().anomalies();
        for (int i = anomalies; i < newAnomalies.size(); i++) {
            entries.put(StateKey.sequence(mission, StateKey.Kind.ANOMALY, i), EntryCodec.anomaly(newAnomalies.get(i)));
        }
        List<ToolUse> newTools = fold.receipts().toolUses();
        for (int i = toolUses; i < newTools.size(); i++) {
            entries.put(StateKey.sequence(mission, StateKey.Kind.TOOL_USE, i), EntryCodec.toolUse(newTools.get(i)));
        }
        List<LaneOutcome> newOutcomes = fold.rounds().outcomes();
        for (int i = outcomes; i < newOutcomes.size(); i++) {
            entries.put(StateKey.sequence(mission, StateKey.Kind.OUTCOME, i), codec.event(newOutcomes.get(i).event()));
        }
        if (fold.rounds().planEvent() != plan) {
            entries.put(StateKey.of(mission, StateKey.Kind.PLAN, ""), codec.event(fold.rounds().planEvent()));
        }
        laneChanges(mission, fold.rounds().expectedAttempts(), entries);
        entries.put(StateKey.of(mission, StateKey.Kind.SUMMARY, ""), EntryCodec.summary(summary(fold)));
        return entries;
    }

    private void laneChanges(String mission, Map<String, Integer> now, Map<String, byte[]> entries) {
        expected.keySet().stream().filter(lane -> !now.containsKey(lane))
                .forEach(lane -> entries.put(StateKey.of(mission, StateKey.Kind.LANE, lane), null));
        now.forEach((lane, attempt) -> {
            if (!Objects.equals(expected.get(lane), attempt)) {
                entries.put(StateKey.of(mission, StateKey.Kind.LANE, lane), EntryCodec.text(attempt.toString()));
            }
        });
    }

    static MissionSummary summary(MissionVerification fold) {
        return MissionSummary.newBuilder()
                .setHead(ByteBuffer.wrap(fold.head().value()))
                .setEventCount(fold.head().count())
                .setTokensUsed(fold.receipts().tokensUsed())
                .setCostUsd(fold.receipts().costUsd())
                .setRound(fold.rounds().round())
                .setRoundDecided(fold.rounds().roundDecided())
                .setTerminal(fold.rounds().terminal())
                .build();
    }
}
