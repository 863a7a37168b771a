package dev.swarmboard.console.view;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the console and {@code swarm show} display of one mission, folded from its blackboard events
 * by {@link MissionTimeline}. Every text field is as written by services and models: escape it
 * before showing.
 *
 * @param status    {@code SUBMITTED}, {@code RUNNING}, {@code PAUSED}, {@code PASSED} (verified, digest
 *                  pending), {@code COMPLETED} (digest published), {@code FAILED}, {@code CANCELLED} or
 *                  {@code REJECTED}
 * @param startedAt the first event's time
 * @param awaiting  what a paused mission waits for (APPROVAL, CANARY_DECISION), else empty
 * @param why       reasons of a pause, failure, rejection or cancellation, else empty
 * @param proposed  the plan a paused mission proposes, or null
 * @param plan      the plan in force, or null
 * @param events    how many of the mission's events were folded
 */
public record MissionView(String missionId, String status, String goal, Instant startedAt, Instant updatedAt,
                          long tokens, double costUsd, String awaiting, String why, PlanView proposed, PlanView plan,
                          List<LaneView> lanes, List<VerdictView> verdicts, String bluf, String digest, long events) {

    public MissionView {
        lanes = List.copyOf(lanes);
        verdicts = List.copyOf(verdicts);
    }

    /** Lanes whose latest attempt has ended, passed or failed. */
    public long lanesDone() {
        return lanes.stream().filter(lane -> lane.state().equals("PASSED") || lane.state().equals("FAILED")).count();
    }

    /** Age at {@code now}, from the first event. */
    public Duration age(Instant now) {
        return startedAt == null ? Duration.ZERO : Duration.between(startedAt, now);
    }

    /** Whether the mission has ended (nothing more will change its status). */
    public boolean ended() {
        return List.of("COMPLETED", "FAILED", "CANCELLED", "REJECTED").contains(status);
    }
}
