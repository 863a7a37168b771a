package dev.swarmboard.cli.bench;

import static dev.swarmboard.cli.bench.BenchFixtures.at;
import static dev.swarmboard.cli.bench.BenchFixtures.stageAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.verifier.bench.SyntheticMission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaneTimesTest {

    private final SyntheticMission mission = new SyntheticMission("m-1", List.of("a", "b"), Instant.EPOCH,
            Duration.ofHours(1));

    @Test
    void shouldSubtractTheModelLatencyFromTheGapToThePreviousReceiptOfTheSameAttempt() {
        // Given two lane attempts whose receipts interleave: started, three stages, tests, yield
        List<BlackboardEvent> a = mission.laneAttempt("a", 1, true);
        List<BlackboardEvent> b = mission.laneAttempt("b", 1, true);
        LaneTimes times = new LaneTimes();

        // When they are folded in this log order
        times.observe(at(a.get(0), 1_000));
        times.observe(at(b.get(0), 1_002));
        times.observe(stageAt(a.get(1), 1_010, 4));
        times.observe(stageAt(b.get(1), 1_030, 20));
        times.observe(stageAt(a.get(2), 1_025, 10));
        times.observe(stageAt(a.get(3), 1_027, 0));
        times.observe(at(a.get(4), 1_040));
        times.observe(at(a.get(5), 1_050));

        // Then each stage counts from its own attempt's previous receipt, minus its model latency
        assertThat(times.stageOverheadByStageMs()).containsEntry("perception", List.of(6L, 8L))
                .containsEntry("react", List.of(5L)).containsEntry("engage", List.of(2L));
        assertThat(times.stageOverheadMs()).containsExactlyInAnyOrder(6L, 8L, 5L, 2L);
        // And only the attempt that yielded has a duration: started to yielded
        assertThat(times.laneDurationsMs()).containsExactly(50L);
    }

    @Test
    void shouldStartAgainFromARedeliveredAttemptsNewLaneStarted() {
        // Given an attempt that stopped after one stage and was started again by another worker
        List<BlackboardEvent> first = mission.laneAttempt("a", 1, true);
        List<BlackboardEvent> again = mission.laneAttempt("a", 1, true);
        LaneTimes times = new LaneTimes();

        // When both starts and the stage after the second are folded
        times.observe(at(first.get(0), 1_000));
        times.observe(stageAt(first.get(1), 1_010, 0));
        times.observe(at(again.get(0), 5_000));
        times.observe(stageAt(again.get(2), 5_003, 1));

        // Then the later stage counts from the second start, not from the first attempt's receipt
        assertThat(times.stageOverheadMs()).containsExactly(10L, 2L);
    }
}
