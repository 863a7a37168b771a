package dev.swarmboard.verifier.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.verifier.bench.SyntheticMission;
import dev.swarmboard.verifier.quorum.QuorumReplay;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier's state changelog grows with each event's own size, not with the mission's. */
class VerifierStateDeltaTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path stateDir;

    @Test
    void shouldWriteAboutAsManyChangelogBytesForTheLastReceiptAsForTheFirst() {
        try (VerifierDriver verifier = new VerifierDriver(stateDir, START)) {
            // Given a mission of 40 lanes
            List<String> lanes = IntStream.range(0, 40).mapToObj(i -> "lane-" + i).toList();
            SyntheticMission mission = new SyntheticMission("m-big", lanes, START, Duration.ofHours(1));
            verifier.pipe(List.of(mission.planIssued()));
            verifier.changelogBytes();

            // When every lane's first receipt is folded, the changelog bytes of each are measured
            List<Long> perReceipt = new ArrayList<>();
            List<BlackboardEvent> rest = new ArrayList<>();
            for (String lane : lanes) {
                List<BlackboardEvent> attempt = mission.laneAttempt(lane, 1, true);
                verifier.pipe(List.of(attempt.get(0)));
                perReceipt.add(verifier.changelogBytes());
                rest.addAll(attempt.subList(1, attempt.size()));
            }

            // Then the last costs what the first did (the whole fold would have grown 40-fold)
            assertThat(perReceipt.get(perReceipt.size() - 1)).isLessThanOrEqualTo(perReceipt.get(0) + 16)
                    .isLessThan(600);
            assertThat(verifier.pipe(rest)).hasSize(1);
        }
    }

    @Test
    void shouldLeaveOneSummaryOfAFinishedMissionAndIgnoreItsLateEvents() {
        try (VerifierDriver verifier = new VerifierDriver(stateDir, START)) {
            // Given a mission whose only round passed
            SyntheticMission mission = new SyntheticMission("m-done", List.of("a", "b"), START, Duration.ofHours(1));
            List<BlackboardEvent> events = new ArrayList<>(List.of(mission.planIssued()));
            events.addAll(mission.laneAttempt("a", 1, true));
            events.addAll(mission.laneAttempt("b", 1, true));
            assertThat(verifier.pipe(events)).hasSize(1);

            // When its plan and a new round arrive again
            List<BlackboardEvent> late = verifier.pipe(List.of(mission.planIssued(), mission.retry(2, List.of("a"))));

            // Then nothing is decided, one entry is left, and the replay agrees
            assertThat(late).isEmpty();
            assertThat(verifier.stateKeys()).containsExactly("6:m-done/S");
            assertThat(QuorumReplay.verdicts(verifier.log())).hasSize(1);
        }
    }
}
