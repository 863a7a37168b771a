package dev.swarmboard.cli.bench;

import dev.swarmboard.orchestrator.mission.MissionStatus;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.LaneStarted;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.QuorumReached;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The missions of one bench phase as one reader of the blackboard sees them: a pure fold over the
 * events of every partition in log order (each event id once per mission) and the times they were
 * read, keeping each mission's outcome with the fold {@code swarm submit --wait} uses, its
 * {@link MissionTiming} once its digest is read, and its lane receipts in {@link LaneTimes}. Events of missions not submitted in this phase are
 * ignored. A mission that fails, is rejected, cancelled or paused is a problem: the bench stops.
 */
final class MissionTimings {

    private final Map<String, Progress> running = new HashMap<>();
    private final List<MissionTiming> completed = new ArrayList<>();
    private final LaneTimes lanes = new LaneTimes();
    private String problem;

    void submitted(String missionId, MissionStatus status, long atMs) {
        running.put(missionId, new Progress(status, atMs));
    }

    void observe(BlackboardEvent event, long readAtMs) {
        String missionId = event.getHeader().getMissionId();
        Progress progress = running.get(missionId);
        if (progress == null || !progress.seen.add(event.getHeader().getEventId())) {
            return;
        }
        lanes.observe(event);
        Object payload = event.getPayload();
        if (payload instanceof PlanIssued) {
            progress.planIssuedMs = readAtMs;
        } else if (payload instanceof LaneStarted && progress.firstLaneStartedMs == 0) {
            progress.firstLaneStartedMs = readAtMs;
        } else if (payload instanceof LaneYielded) {
            progress.lastYieldMs = readAtMs;
        } else if (payload instanceof QuorumReached) {
            progress.verdictMs = readAtMs;
            progress.rounds++;
        }
        MissionStatus status = progress.status.apply(event);
        if (payload instanceof DigestPublished && status.stage() == MissionStatus.Stage.COMPLETED) {
            running.remove(missionId);
            completed.add(progress.timing(missionId, readAtMs));
        } else if (status.finished() || status.stage() == MissionStatus.Stage.PAUSED) {
            running.remove(missionId);
            problem = problem != null ? problem
                    : "mission " + missionId + " ended " + status.stage() + ": " + status.summary();
        }
    }

    /** The first mission that did not complete, if any. */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Missions submitted and not yet completed (nor failed). */
    int running() {
        return running.size();
    }

    List<MissionTiming> completed() {
        return List.copyOf(completed);
    }

    LaneTimes lanes() {
        return lanes;
    }

    /** A running mission: its status fold, the event ids read, and the times seen so far. */
    private static final class Progress {

        private final MissionStatus status;
        private final long submittedAtMs;
        private final Set<String> seen = new HashSet<>();
        private long planIssuedMs;
        private long firstLaneStartedMs;
        private long lastYieldMs;
        private long verdictMs;
        private int rounds;

        private Progress(MissionStatus status, long submittedAtMs) {
            this.status = status;
            this.submittedAtMs = submittedAtMs;
        }

        private MissionTiming timing(String missionId, long digestMs) {
            return new MissionTiming(missionId, submittedAtMs, planIssuedMs, firstLaneStartedMs, lastYieldMs,
                    verdictMs, digestMs, rounds);
        }
    }
}
