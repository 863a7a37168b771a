package dev.swarmboard.verifier.quorum;

import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.QuorumReached;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-derives every verdict from a log without Kafka, by driving the same {@link MissionVerification}
 * fold the topology drives. A verdict triggered by an event comes out byte-identical. A deadline
 * verdict depends on when the wall clock fired, which the log does not hold; the log's own deadline
 * verdicts say it (their event count), so the replay fires the deadline after exactly that many
 * events, at the verdict's time, and re-derives the rest (votes, missing lanes, head) from the plan
 * deadline and the events before it. A forged deadline verdict (too early, wrong head) does not
 * come out equal.
 */
public final class QuorumReplay {

    private QuorumReplay() {
    }

    /** The verdict events the verifier writes for these events (one or more missions, in log order). */
    public static List<BlackboardEvent> verdicts(List<RecordedEvent> events) {
        return replay(events).stream().map(ReplayedVerdict::verdict).toList();
    }

    /** Every verdict with what it rested on. */
    public static List<ReplayedVerdict> replay(List<RecordedEvent> events) {
        Map<String, Map<Long, Instant>> deadlineFirings = deadlineFirings(events);
        Map<String, MissionVerification> folds = new LinkedHashMap<>();
        List<ReplayedVerdict> verdicts = new ArrayList<>();
        for (RecordedEvent recorded : events) {
            String missionId = recorded.event().getHeader().getMissionId();
            MissionVerification fold = folds.computeIfAbsent(missionId, MissionVerification::start);
            fireDeadline(fold, deadlineFirings, verdicts);
            fold.apply(recorded).ifPresent(verdict -> verdicts.add(basis(fold, verdict)));
        }
        folds.values().forEach(fold -> fireDeadline(fold, deadlineFirings, verdicts));
        return verdicts;
    }

    private static void fireDeadline(MissionVerification fold, Map<String, Map<Long, Instant>> firings,
                                     List<ReplayedVerdict> verdicts) {
        Instant at = firings.getOrDefault(fold.missionId(), Map.of()).get(fold.head().count());
        if (at != null) {
            fold.deadlinePassed(at).ifPresent(verdict -> verdicts.add(basis(fold, verdict)));
        }
    }

    private static ReplayedVerdict basis(MissionVerification fold, BlackboardEvent verdict) {
        return new ReplayedVerdict(verdict, fold.rounds().planEvent(), fold.rounds().outcomes(), fold.head().count());
    }

    /** Per mission: after how many events a recorded deadline verdict fired, and at what time. */
    private static Map<String, Map<Long, Instant>> deadlineFirings(List<RecordedEvent> events) {
        Map<String, Map<Long, Instant>> firings = new HashMap<>();
        for (RecordedEvent recorded : events) {
            if (recorded.event().getPayload() instanceof QuorumReached verdict && !verdict.getMissingLanes().isEmpty()) {
                firings.computeIfAbsent(recorded.event().getHeader().getMissionId(), id -> new HashMap<>())
                        .putIfAbsent(verdict.getEventCount(), recorded.event().getHeader().getOccurredAt());
            }
        }
        return firings;
    }
}
