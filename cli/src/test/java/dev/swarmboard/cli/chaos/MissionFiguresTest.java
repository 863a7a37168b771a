package dev.swarmboard.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.verifier.bench.SyntheticMission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissionFiguresTest {

    private final SyntheticMission mission = new SyntheticMission("m-1", List.of("a", "b"), Instant.parse(
            "2026-12-01T00:00:00Z"), Duration.ofHours(1));

    @Test
    void shouldCountALostAttemptWhenADispatchedLaneHasNoOutcome() {
        // Given a plan of two lanes of which only lane a ended
        List<BlackboardEvent> events = new ArrayList<>(List.of(mission.planIssued()));
        events.addAll(mission.laneAttempt("a", 1, true));

        // When the figures are taken
        MissionFigures figures = MissionFigures.of(log(events));

        // Then b#1 is lost and the mission is still running
        assertThat(figures.attempts()).isEqualTo(2);
        assertThat(figures.lostAttempts()).containsExactly("b#1");
        assertThat(figures.terminal()).isFalse();
    }

    @Test
    void shouldFindAnEventIdWrittenWithTwoContents() {
        // Given both lanes ended, and a copy of a's outcome with another content hash
        List<BlackboardEvent> events = new ArrayList<>(List.of(mission.planIssued()));
        events.addAll(mission.laneAttempt("a", 1, true));
        events.addAll(mission.laneAttempt("b", 1, true));
        BlackboardEvent outcome = events.stream().filter(e -> e.getHeader().getType().equals("LaneYielded")).findFirst()
                .orElseThrow();
        BlackboardEvent forged = BlackboardEvent.newBuilder(outcome).build();
        forged.getHeader().setContentHash("0".repeat(64));
        events.add(forged);

        // When the figures are taken
        MissionFigures figures = MissionFigures.of(log(events));

        // Then nothing is lost, the copy counts as one outcome, and its id is conflicting
        assertThat(figures.lostAttempts()).isEmpty();
        assertThat(figures.duplicateOutcomes()).isEmpty();
        assertThat(figures.conflictingIds()).containsExactly(outcome.getHeader().getEventId());
    }

    @Test
    void shouldCountARetriedAttemptAsDispatched() {
        // Given lane b failed its first attempt and was re-run in round 2, which has no outcome yet
        List<BlackboardEvent> events = new ArrayList<>(List.of(mission.planIssued()));
        events.addAll(mission.laneAttempt("a", 1, true));
        events.addAll(mission.laneAttempt("b", 1, false));
        events.add(mission.retry(2, List.of("b")));

        // When the figures are taken
        MissionFigures figures = MissionFigures.of(log(events));

        // Then three attempts were dispatched over two rounds and b#2 is the lost one
        assertThat(figures.attempts()).isEqualTo(3);
        assertThat(figures.rounds()).isEqualTo(2);
        assertThat(figures.lostAttempts()).containsExactly("b#2");
    }

    private static MissionLog log(List<BlackboardEvent> events) {
        List<RecordedEvent> recorded = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            recorded.add(new RecordedEvent(events.get(i), "swarm.blackboard", 0, i, 0L, new byte[0]));
        }
        return new MissionLog("m-1", recorded, List.of());
    }
}
