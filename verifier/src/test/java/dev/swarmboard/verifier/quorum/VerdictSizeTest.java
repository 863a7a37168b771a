package dev.swarmboard.verifier.quorum;

import static dev.swarmboard.verifier.quorum.MissionLogs.CODECS;
import static dev.swarmboard.verifier.quorum.MissionLogs.editYield;
import static dev.swarmboard.verifier.quorum.MissionLogs.log;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.Vote;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.verifier.bench.SyntheticMission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerdictSizeTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    private static final String SHARED = "docs/shared.md";

    @ParameterizedTest
    @ValueSource(ints = {60, 110, 200})
    void shouldKeepAVerdictLinearInTheLanesThatShareOneScopeEntry(int lanes) {
        // Given lanes that all claim one scope entry and each report differently on it
        List<String> ids = IntStream.range(0, lanes).mapToObj(i -> "lane-" + i).toList();
        SyntheticMission mission = new SyntheticMission("m-shared", ids, START, Duration.ofHours(1));
        Plan plan = Plan.newBuilder(mission.plan()).setLanes(mission.plan().getLanes().stream()
                .map(lane -> PlannedLane.newBuilder(lane).setScope(List.of(SHARED)).build()).toList()).build();
        List<BlackboardEvent> events = new ArrayList<>(List.of(mission.planIssued(plan)));
        ids.forEach(id -> events.addAll(editYield(mission.laneAttempt(id, 1, true), y -> y.setScope(List.of(SHARED)))));
        // When the round is decided
        BlackboardEvent verdict = QuorumReplay.verdicts(log(events)).get(0);
        QuorumReached payload = (QuorumReached) verdict.getPayload();
        // Then the disruptor fails every lane with one reason for the entry, and the record stays in its bound
        Vote disruptor = payload.getVotes().stream().filter(v -> v.getValidator().equals(Disruptor.NAME)).findFirst()
                .orElseThrow();
        assertThat(disruptor.getFailingLanes()).hasSize(lanes);
        assertThat(disruptor.getReasons()).singleElement().asString()
                .startsWith("lanes report differently on scope " + SHARED).contains(" other reports");
        long size = CODECS.events().codec().encode(verdict).length;
        assertThat(size).isLessThanOrEqualTo(VerdictBound.bytes(lanes));
        // and, with no other objection, it is a few hundred bytes plus the failing lane ids, listed twice
        assertThat(size).isLessThan(1_024 + 2 * ids.stream().mapToInt(id -> id.length() + 2).sum());
    }
}
