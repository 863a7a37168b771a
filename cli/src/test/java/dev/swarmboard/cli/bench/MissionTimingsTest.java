package dev.swarmboard.cli.bench;

import static dev.swarmboard.cli.bench.BenchFixtures.at;
import static dev.swarmboard.cli.bench.BenchFixtures.stageAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.orchestrator.mission.MissionHash;
import dev.swarmboard.orchestrator.mission.MissionStatus;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.Vote;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.MissionAccepted;
import dev.swarmboard.schema.event.MissionFailed;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.verifier.bench.SyntheticMission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class MissionTimingsTest {

    private final MissionSpec spec = BenchFixtures.checkedMission().submission().orElseThrow().getMission();
    private final SyntheticMission mission = new SyntheticMission(spec.getMissionId(), List.of("a"), Instant.EPOCH,
            Duration.ofHours(1));
    private final MissionTimings timings = new MissionTimings();

    @Test
    void shouldCutTheLatencyFromSubmitToTheDigestReadAtEachStep() {
        // Given a submitted mission
        timings.submitted(spec.getMissionId(), MissionStatus.follow("cmd-1", MissionHash.of(spec)), 1_000);

        // When its events are read: accepted and planned, one lane, a PASS, the digest
        List<BlackboardEvent> lane = mission.laneAttempt("a", 1, true);
        observe(at(missionEvent(new MissionAccepted(spec, MissionHash.of(spec), "bench"), "accepted"), 1_010), 1_012);
        observe(at(mission.planIssued(), 1_011), 1_012);
        observe(at(lane.get(0), 1_030), 1_031);
        observe(stageAt(lane.get(1), 1_040, 5), 1_041);
        observe(at(lane.get(5), 1_070), 1_071);
        observe(at(missionEvent(verdict("PASS"), "verdict"), 1_200), 1_201);
        observe(at(missionEvent(new DigestPublished("done", "# done", "head", "v", List.of(), "", ""), "digest"), 1_230),
                1_250);

        // Then the mission completed; the segments, by read time, add up to submit -> digest read
        assertThat(timings.problem()).isEmpty();
        assertThat(timings.running()).isZero();
        MissionTiming timing = timings.completed().get(0);
        assertThat(timing.latencyMs()).isEqualTo(250);
        assertThat(timing.segmentsMs()).containsExactly(Map.entry("submit -> PlanIssued", 12L),
                Map.entry("PlanIssued -> first LaneStarted", 19L),
                Map.entry("first LaneStarted -> last LaneYielded", 40L),
                Map.entry("last LaneYielded -> QuorumReached", 130L),
                Map.entry("QuorumReached -> DigestPublished", 49L));
        assertThat(timing.segmentsMs().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(250);
        assertThat(timing.rounds()).isEqualTo(1);
        assertThat(timings.lanes().stageOverheadMs()).containsExactly(5L);
    }

    @Test
    void shouldIgnoreDuplicatesAndMissionsItDidNotSubmit() {
        // Given a submitted mission whose lane started
        timings.submitted(spec.getMissionId(), MissionStatus.follow("cmd-1", MissionHash.of(spec)), 1_000);
        List<BlackboardEvent> lane = mission.laneAttempt("a", 1, true);
        observe(at(lane.get(0), 1_030), 1_031);

        // When the same receipt is read twice, and another mission's receipts are read
        observe(stageAt(lane.get(1), 1_040, 0), 1_041);
        observe(stageAt(lane.get(1), 1_090, 0), 1_091);
        SyntheticMission other = new SyntheticMission("other", List.of("a"), Instant.EPOCH, Duration.ofHours(1));
        other.laneAttempt("a", 1, true).forEach(event -> observe(at(event, 1_050), 1_051));

        // Then only the first copy of this mission's receipt counts
        assertThat(timings.lanes().stageOverheadMs()).containsExactly(10L);
        assertThat(timings.running()).isEqualTo(1);
    }

    @Test
    void shouldNameAMissionThatFailedAsTheProblem() {
        // Given a submitted, accepted mission
        timings.submitted(spec.getMissionId(), MissionStatus.follow("cmd-1", MissionHash.of(spec)), 1_000);
        observe(at(missionEvent(new MissionAccepted(spec, MissionHash.of(spec), "bench"), "accepted"), 1_010), 1_012);

        // When it fails
        observe(at(missionEvent(new MissionFailed(List.of(new Reason("QUORUM_FAILED", "", "round 1 failed",
                List.of())), List.of("a")), "failed"), 1_100), 1_101);

        // Then the fold reports it, and it is no longer running
        assertThat(timings.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains(spec.getMissionId()).contains("FAILED").contains("round 1 failed"));
        assertThat(timings.running()).isZero();
        assertThat(timings.completed()).isEmpty();
    }

    private void observe(BlackboardEvent event, long readAtMs) {
        timings.observe(event, readAtMs);
    }

    private BlackboardEvent missionEvent(SpecificRecord payload, String step) {
        return Events.create(EventOrigin.mission(spec.getMissionId(), "test"), payload, Instant.EPOCH, step);
    }

    private static QuorumReached verdict(String verdict) {
        return QuorumReached.newBuilder().setRound(1).setVerdict(verdict)
                .setVotes(List.of(new Vote("immunizer", true, List.of(), List.of()))).setThreshold(2)
                .setHeadHash("head").setPlanId("plan-1").build();
    }
}
