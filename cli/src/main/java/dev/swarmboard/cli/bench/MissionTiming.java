package dev.swarmboard.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When one completed mission reached each step, in epoch milliseconds of the bench's clock: submitted
 * (just before the SubmitMission was sent), then when the bench's read-committed reader read its
 * PlanIssued, its first LaneStarted, its last LaneYielded, its PASS QuorumReached and its
 * DigestPublished. Read times, not {@code occurredAt}: the verifier stamps a verdict with the time of
 * the event that decided it (so replay re-derives it byte for byte), not with when it was written.
 */
record MissionTiming(String missionId, long submittedAtMs, long planIssuedMs, long firstLaneStartedMs,
                     long lastYieldMs, long verdictMs, long digestMs, int rounds) {

    /** Submit to the DigestPublished read: the latency a client sees. */
    long latencyMs() {
        return digestMs - submittedAtMs;
    }

    /** The latency cut at each step; the parts add up to {@link #latencyMs()}. */
    Map<String, Long> segmentsMs() {
        Map<String, Long> segments = new LinkedHashMap<>();
        segments.put("submit -> PlanIssued", planIssuedMs - submittedAtMs);
        segments.put("PlanIssued -> first LaneStarted", firstLaneStartedMs - planIssuedMs);
        segments.put("first LaneStarted -> last LaneYielded", lastYieldMs - firstLaneStartedMs);
        segments.put("last LaneYielded -> QuorumReached", verdictMs - lastYieldMs);
        segments.put("QuorumReached -> DigestPublished", digestMs - verdictMs);
        return segments;
    }
}
