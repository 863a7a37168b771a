package dev.swarmboard.verifier.topology;

import static dev.swarmboard.verifier.quorum.MissionLogs.editYield;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.Events;
import dev.swarmboard.codec.ContentHash;
import dev.swarmboard.codec.LengthBomb;
import dev.swarmboard.deadletter.DeadLetters;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.Vote;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.verifier.bench.SyntheticMission;
import dev.swarmboard.verifier.quorum.MissionLogs;
import dev.swarmboard.verifier.quorum.QuorumReplay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierTopologyTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path stateDir;

    private VerifierDriver verifier;
    private final SyntheticMission mission =
            new SyntheticMission("m-1", List.of("a", "b", "c"), START, Duration.ofHours(1));

    @BeforeEach
    void startDriver() {
        verifier = new VerifierDriver(stateDir, START);
    }

    @AfterEach
    void closeDriver() {
        verifier.close();
    }

    @Test
    void shouldPassThreeOfThreeWhenEveryLaneYieldsCleanly() {
        QuorumReached verdict = only(verifier.pipe(round(true, true, true)));

        assertThat(verdict.getVerdict()).isEqualTo("PASS");
        assertThat(verdict.getVotes()).extracting(Vote::getPass).containsExactly(true, true, true);
        assertThat(verdict.getRound()).isEqualTo(1);
        assertThat(verdict.getThreshold()).isEqualTo(2);
    }

    @Test
    void shouldPassTwoOfThreeWhenOnlyTheDisruptorFindsATamperedEvidenceRef() {
        // Given lane c cites its test receipt with a hash the receipt does not have
        List<BlackboardEvent> events = new ArrayList<>(mission.laneAttempt("a", 1, true));
        events.addAll(mission.laneAttempt("b", 1, true));
        events.addAll(editYield(mission.laneAttempt("c", 1, true), y -> y.setEvidenceRefs(List.of(
                new EvidenceRef(y.getEvidenceRefs().get(0).getEventId(), "f".repeat(64), "tests_green")))));
        verifier.pipe(List.of(mission.planIssued()));

        // When the lanes yield
        QuorumReached verdict = only(verifier.pipe(events));

        // Then the disruptor names lane c, and 2 of 3 pass
        assertThat(verdict.getVotes()).extracting(Vote::getPass).containsExactly(true, false, true);
        assertThat(verdict.getVotes().get(1).getFailingLanes()).containsExactly("c");
        assertThat(verdict.getVotes().get(1).getReasons()).singleElement().asString()
                .contains("evidence ref").contains("has hash ffffffffffff but the event has");
        assertThat(verdict.getVerdict()).isEqualTo("PASS");
        assertThat(verdict.getFailingLanes()).isEmpty();
    }

    @Test
    void shouldFailOneOfThreeWhenALaneYieldFails() {
        QuorumReached verdict = only(verifier.pipe(round(true, false, true)));

        assertThat(verdict.getVotes()).extracting(Vote::getPass).containsExactly(false, true, false);
        assertThat(verdict.getVerdict()).isEqualTo("FAIL");
        assertThat(verdict.getFailingLanes()).containsExactly("b");
    }

    @Test
    void shouldFailZeroOfThreeWhenAFailedYieldAlsoCitesAnUnknownEvent() {
        // Given lane a's yield fails and cites an artifact that is not on the blackboard
        List<BlackboardEvent> events = new ArrayList<>(List.of(mission.planIssued()));
        events.addAll(editYield(mission.laneAttempt("a", 1, false), y -> y.setArtifacts(List.of(
                new EvidenceRef("no-such-event", ContentHash.sha256Hex(new byte[0]), "engage_report")))));
        events.addAll(mission.laneAttempt("b", 1, true));
        events.addAll(mission.laneAttempt("c", 1, true));

        QuorumReached verdict = only(verifier.pipe(events));

        assertThat(verdict.getVotes()).extracting(Vote::getPass).containsExactly(false, false, false);
        assertThat(verdict.getFailingLanes()).containsExactly("a");
    }

    @Test
    void shouldWaitForAMissingLaneUntilTheDeadlineThenFailNamingIt() {
        // Given lanes a and b yielded, c never does
        List<BlackboardEvent> events = new ArrayList<>(List.of(mission.planIssued()));
        events.addAll(mission.laneAttempt("a", 1, true));
        events.addAll(mission.laneAttempt("b", 1, true));
        assertThat(verifier.pipe(events)).isEmpty();

        // When the wall clock reaches 30 minutes, then passes the one-hour deadline
        assertThat(verifier.advanceWallClock(Duration.ofMinutes(30))).isEmpty();
        List<BlackboardEvent> verdicts = verifier.advanceWallClock(Duration.ofMinutes(31));

        // Then one FAIL at the deadline names lane c, and replay derives the same bytes
        QuorumReached verdict = only(verdicts);
        assertThat(verdict.getVerdict()).isEqualTo("FAIL");
        assertThat(verdict.getMissingLanes()).containsExactly("c");
        assertThat(verdict.getFailingLanes()).containsExactly("c");
        assertThat(verdict.getVotes().get(0).getReasons()).anyMatch(reason -> reason.startsWith("deadline "));
        assertThat(verdicts.get(0).getHeader().getOccurredAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(verdict.getEventCount()).isEqualTo(events.size());
        assertReplayReproducesTheVerdicts();
        assertThat(verifier.advanceWallClock(Duration.ofMinutes(5))).isEmpty();
    }

    @Test
    void shouldIgnoreDuplicateAndStaleYieldsAcrossARetryRound() {
        // Given round 1 fails on lane b
        QuorumReached first = only(verifier.pipe(round(true, false, true)));
        assertThat(first.getFailingLanes()).containsExactly("b");

        // When the orchestrator retries b; b's attempt-1 yield is delivered again under a new id (stale),
        // then b's attempt 2 passes and its yield is written twice (a duplicate)
        List<BlackboardEvent> retry = new ArrayList<>(List.of(mission.retry(2, List.of("b"))));
        retry.add(MissionLogs.withId(mission.laneAttempt("b", 1, true).get(5), "stale-yield"));
        assertThat(verifier.pipe(retry)).isEmpty();
        List<BlackboardEvent> attempt2 = mission.laneAttempt("b", 2, true);
        List<BlackboardEvent> verdicts = verifier.pipe(attempt2);
        verdicts.addAll(verifier.pipe(List.of(attempt2.get(5))));

        // Then round 2 passes once, on lanes a and c's round-1 yields and b's attempt 2
        QuorumReached second = only(verdicts);
        assertThat(second.getRound()).isEqualTo(2);
        assertThat(second.getVerdict()).isEqualTo("PASS");
        assertReplayReproducesTheVerdicts();
    }

    @Test
    void shouldCountOnlyTheFirstYieldOfALaneAttempt() {
        // Given lane b yields a pass, then a second, failing yield for the same attempt under another id
        List<BlackboardEvent> events = round(true, true, true);
        BlackboardEvent second = MissionLogs.withId(mission.laneAttempt("b", 1, false).get(5), "second-yield");
        events.add(events.size() - 6, second);

        QuorumReached verdict = only(verifier.pipe(events));

        assertThat(verdict.getVerdict()).isEqualTo("PASS");
    }

    @Test
    void shouldGiveTheSameVotesWhateverOrderTheLanesYieldIn() {
        // Given the same lane attempts, one failing, in three interleavings
        List<List<BlackboardEvent>> lanes = List.of(mission.laneAttempt("a", 1, true),
                mission.laneAttempt("b", 1, false), mission.laneAttempt("c", 1, true));
        List<List<BlackboardEvent>> orders = List.of(
                concat(lanes.get(0), lanes.get(1), lanes.get(2)),
                concat(lanes.get(2), lanes.get(0), lanes.get(1)),
                roundRobin(lanes.get(1), lanes.get(2), lanes.get(0)));

        // When each order is verified as its own mission run
        List<QuorumReached> verdicts = new ArrayList<>();
        for (List<BlackboardEvent> order : orders) {
            try (VerifierDriver fresh = new VerifierDriver(stateDir.resolve("run" + verdicts.size()), START)) {
                verdicts.add(only(fresh.pipe(concat(List.of(mission.planIssued()), order))));
            }
        }

        // Then votes, verdict and failing lanes agree (the head differs: the log differs)
        for (QuorumReached verdict : verdicts) {
            assertThat(verdict.getVotes()).isEqualTo(verdicts.get(0).getVotes());
            assertThat(verdict.getVerdict()).isEqualTo("FAIL");
            assertThat(verdict.getFailingLanes()).containsExactly("b");
        }
        assertThat(verdicts).extracting(QuorumReached::getHeadHash).doesNotHaveDuplicates();
    }

    @Test
    void shouldDeadLetterUndecodableRecordsAndKeepVerifying() {
        // Given garbage bytes and an event keyed by the wrong mission before a clean mission
        verifier.pipeRaw("m-1", "not avro".getBytes(StandardCharsets.UTF_8), START);
        verifier.pipeRaw("other", MissionLogs.CODECS.events().codec().encode(mission.planIssued()), START);

        // When the mission runs
        QuorumReached verdict = only(verifier.pipe(round(true, true, true)));

        // Then both records are dead letters with their coordinates, and the verdict still comes
        List<TestRecord<byte[], byte[]>> deadLetters = verifier.deadLetters();
        assertThat(deadLetters).hasSize(2);
        assertThat(header(deadLetters.get(0).headers(), DeadLetters.TOPIC)).isEqualTo("t.blackboard");
        assertThat(header(deadLetters.get(0).headers(), DeadLetters.OFFSET)).isEqualTo("0");
        assertThat(header(deadLetters.get(1).headers(), DeadLetters.OFFSET)).isEqualTo("1");
        assertThat(header(deadLetters.get(1).headers(), DeadLetters.MESSAGE)).contains("header names m-1");
        assertThat(deadLetters.get(0).value()).isEqualTo("not avro".getBytes(StandardCharsets.UTF_8));
        assertThat(deadLetters).allSatisfy(letter -> {
            assertThat(header(letter.headers(), DeadLetters.SERVICE)).isEqualTo("verifier");
            assertThat(header(letter.headers(), DeadLetters.INSTANCE)).isNotBlank();
        });
        assertThat(verdict.getVerdict()).isEqualTo("PASS");
    }

    @Test
    void shouldDeadLetterALengthBombAndKeepVerifying() {
        // Given the 23-byte record claiming a 2 GiB string, before a clean mission
        verifier.pipeRaw("m-1", LengthBomb.of(BlackboardEvent.getClassSchema()), START);

        // When the mission runs, Then the bomb is a dead letter naming its cause and the verdict still comes
        QuorumReached verdict = only(verifier.pipe(round(true, true, true)));
        assertThat(verifier.deadLetters()).singleElement().satisfies(letter ->
                assertThat(header(letter.headers(), DeadLetters.MESSAGE)).contains("OVERSIZED"));
        assertThat(verdict.getVerdict()).isEqualTo("PASS");
    }

    @Test
    void shouldWriteNothingAfterAPassingVerdict() {
        only(verifier.pipe(round(true, true, true)));

        assertThat(verifier.pipe(List.of(mission.retry(2, List.of("a"))))).isEmpty();
        assertThat(verifier.pipe(mission.laneAttempt("a", 2, true))).isEmpty();
        assertReplayReproducesTheVerdicts();
    }

    private void assertReplayReproducesTheVerdicts() {
        List<byte[]> replayed = QuorumReplay.verdicts(verifier.log()).stream()
                .map(MissionLogs.CODECS.events().codec()::encode).toList();
        assertThat(replayed).containsExactlyElementsOf(verifier.verdictBytes());
    }

    private List<BlackboardEvent> round(boolean a, boolean b, boolean c) {
        return concat(List.of(mission.planIssued()), mission.laneAttempt("a", 1, a), mission.laneAttempt("b", 1, b),
                mission.laneAttempt("c", 1, c));
    }

    @SafeVarargs
    private static List<BlackboardEvent> concat(List<BlackboardEvent>... parts) {
        List<BlackboardEvent> all = new ArrayList<>();
        for (List<BlackboardEvent> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    @SafeVarargs
    private static List<BlackboardEvent> roundRobin(List<BlackboardEvent>... parts) {
        List<BlackboardEvent> all = new ArrayList<>();
        for (int i = 0; i < parts[0].size(); i++) {
            for (List<BlackboardEvent> part : parts) {
                all.add(part.get(i));
            }
        }
        return all;
    }

    private static QuorumReached only(List<BlackboardEvent> verdicts) {
        assertThat(verdicts).hasSize(1);
        assertThat(verdicts.get(0).getHeader().getProducer()).isEqualTo("verifier");
        assertThat(Events.hashIntact(verdicts.get(0))).isTrue();
        return (QuorumReached) verdicts.get(0).getPayload();
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
