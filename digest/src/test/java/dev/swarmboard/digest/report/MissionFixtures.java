package dev.swarmboard.digest.report;

import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.verifier.bench.SyntheticMission;
import dev.swarmboard.verifier.quorum.MissionLogs;
import dev.swarmboard.verifier.quorum.MissionVerification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Mission logs as the blackboard holds them once the verifier ran: each verdict right after its trigger. */
public final class MissionFixtures {

    public static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private MissionFixtures() {
    }

    /** A mission whose lane b fails round 1 and passes round 2. */
    public static MissionLog passedAfterRetry(String missionId) {
        SyntheticMission mission = new SyntheticMission(missionId, List.of("a", "b"), START, Duration.ofHours(1));
        List<BlackboardEvent> events = new ArrayList<>(List.of(mission.planIssued()));
        events.addAll(mission.laneAttempt("a", 1, true));
        events.addAll(mission.laneAttempt("b", 1, false));
        events.add(mission.retry(2, List.of("b")));
        events.addAll(mission.laneAttempt("b", 2, true));
        return withVerdicts(missionId, events);
    }

    /** A mission whose only round fails. */
    public static MissionLog failed(String missionId) {
        SyntheticMission mission = new SyntheticMission(missionId, List.of("a"), START, Duration.ofHours(1));
        List<BlackboardEvent> events = new ArrayList<>(List.of(mission.planIssued()));
        events.addAll(mission.laneAttempt("a", 1, false));
        return withVerdicts(missionId, events);
    }

    public static MissionLog withVerdicts(String missionId, List<BlackboardEvent> events) {
        List<RecordedEvent> log = new ArrayList<>();
        MissionVerification fold = MissionVerification.start(missionId);
        for (BlackboardEvent event : events) {
            append(log, fold, event);
        }
        return new MissionLog(missionId, log, List.of());
    }

    /** The log with more events appended (and folded, should they trigger a verdict). */
    public static MissionLog append(MissionLog log, BlackboardEvent... events) {
        List<BlackboardEvent> all = new ArrayList<>(log.events().stream().map(RecordedEvent::event).toList());
        all.addAll(List.of(events));
        List<RecordedEvent> recorded = new ArrayList<>();
        for (BlackboardEvent event : all) {
            recorded.add(recorded(event, recorded.size()));
        }
        return new MissionLog(log.missionId(), recorded, List.of());
    }

    private static void append(List<RecordedEvent> log, MissionVerification fold, BlackboardEvent event) {
        RecordedEvent recorded = recorded(event, log.size());
        log.add(recorded);
        fold.apply(recorded).ifPresent(verdict -> append(log, fold, verdict));
    }

    private static RecordedEvent recorded(BlackboardEvent event, long offset) {
        return MissionLogs.recorded(event, offset);
    }
}
