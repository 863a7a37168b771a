package dev.swarmboard.verifier.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.verifier.bench.SyntheticMission;
import dev.swarmboard.verifier.quorum.MissionLogs;
import dev.swarmboard.verifier.quorum.MissionVerification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationStateSerdeTest {

    private final VerificationStateSerde serde = new VerificationStateSerde(MissionLogs.CODECS);

    @Test
    void shouldContinueAStoredFoldExactlyAsTheFoldItself() {
        // Given two rounds of a mission, with a duplicate, a stale yield and a late receipt
        SyntheticMission mission = new SyntheticMission("m-9", List.of("a", "b"), Instant.parse("2030-01-01T00:00:00Z"),
                Duration.ofHours(1));
        List<BlackboardEvent> events = new ArrayList<>(List.of(mission.planIssued()));
        events.addAll(mission.laneAttempt("a", 1, true));
        List<BlackboardEvent> laneB = mission.laneAttempt("b", 1, false);
        events.addAll(laneB);
        events.add(laneB.get(2));
        events.add(MissionLogs.withId(laneB.get(3), "late"));
        events.add(mission.retry(2, List.of("b")));
        events.addAll(mission.laneAttempt("b", 2, true));

        // When one fold runs straight through and another is stored and restored after every event
        MissionVerification straight = MissionVerification.start("m-9");
        MissionVerification stored = MissionVerification.start("m-9");
        List<BlackboardEvent> straightVerdicts = new ArrayList<>();
        List<BlackboardEvent> storedVerdicts = new ArrayList<>();
        for (RecordedEvent recorded : MissionLogs.log(events)) {
            straight.apply(recorded).ifPresent(straightVerdicts::add);
            stored.apply(recorded).ifPresent(storedVerdicts::add);
            stored = serde.deserialize("t", serde.serialize("t", stored));
        }

        // Then both give the same two verdicts and the same state
        assertThat(straightVerdicts).hasSize(2);
        assertThat(storedVerdicts).isEqualTo(straightVerdicts);
        assertThat(serde.serialize("t", stored)).isEqualTo(serde.serialize("t", straight));
        assertThat(stored.index().anomalies()).hasSize(1);
        assertThat(stored.receipts().toolUses()).hasSize(3);
    }
}
