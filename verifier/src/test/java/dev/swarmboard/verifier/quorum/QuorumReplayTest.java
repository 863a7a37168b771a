package dev.swarmboard.verifier.quorum;

import static dev.swarmboard.verifier.quorum.MissionLogs.editYield;
import static dev.swarmboard.verifier.quorum.MissionLogs.log;
import static dev.swarmboard.verifier.quorum.MissionLogs.withPayload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.HeadHash;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.Vote;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.MissionCancelled;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.verifier.bench.SyntheticMission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuorumReplayTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private final SyntheticMission mission = new SyntheticMission("m-1", List.of("a", "b"), START, Duration.ofHours(1));

    @Test
    void shouldPassThreeOfThreeWithTheHeadOfTheLogUpToTheLastYield() {
        // Given a plan and two clean lane attempts
        List<BlackboardEvent> events = events(mission.planIssued(), mission.laneAttempt("a", 1, true),
                mission.laneAttempt("b", 1, true));

        // When the log is replayed
        List<RecordedEvent> log = log(events);
        List<BlackboardEvent> verdicts = QuorumReplay.verdicts(log);

        // Then one PASS verdict, 3 of 3, whose head covers every event up to the last yield
        assertThat(verdicts).hasSize(1);
        QuorumReached verdict = payload(verdicts.get(0));
        assertThat(verdict.getVerdict()).isEqualTo(Quorum.PASS);
        assertThat(verdict.getVotes()).extracting(Vote::getPass).containsExactly(true, true, true);
        assertThat(verdict.getVotes()).extracting(Vote::getValidator)
                .containsExactly(Immunizer.NAME, Disruptor.NAME, VerifierAux.NAME);
        HeadHash head = HeadHash.GENESIS;
        for (RecordedEvent recorded : log) {
            head = head.next(recorded.value());
        }
        assertThat(verdict.getHeadHash()).isEqualTo(head.hex());
        assertThat(verdict.getEventCount()).isEqualTo(log.size());
        assertThat(verdicts.get(0).getHeader().getOccurredAt()).isEqualTo(events.get(events.size() - 1)
                .getHeader().getOccurredAt());
        assertThat(verdicts.get(0).getHeader().getEventId()).isEqualTo(Quorum.verdictId("m-1", "plan-m-1", 1));
    }

    @Test
    void shouldFailOnlyTheImmunizerForAToolTheLaneMayNotUse() {
        // Given lane b's yield reports a tool its plan does not allow
        List<BlackboardEvent> events = events(mission.planIssued(), mission.laneAttempt("a", 1, true),
                editYield(mission.laneAttempt("b", 1, true), y -> y.setTools(List.of("unit-tests", "curl"))));

        // When replayed
        QuorumReached verdict = onlyVerdict(events);

        // Then the immunizer alone objects, naming lane b, and 2 of 3 still pass
        assertThat(verdict.getVerdict()).isEqualTo(Quorum.PASS);
        assertThat(vote(verdict, Immunizer.NAME).getFailingLanes()).containsExactly("b");
        assertThat(vote(verdict, Immunizer.NAME).getReasons())
                .containsExactly("b attempt 1: tool curl is not allowed (allowed: unit-tests)");
        assertThat(verdict.getFailingLanes()).isEmpty();
    }

    @Test
    void shouldFailTheImmunizerForScopeAndBudget() {
        // Given a token budget below what the stages spent and lane a reaching outside its scope
        Plan tight = Plan.newBuilder(mission.plan()).setTokenBudget(500L).build();
        List<BlackboardEvent> events = events(mission.planIssued(tight),
                editYield(mission.laneAttempt("a", 1, true), y -> y.setScope(List.of("src/a", "etc/passwd"))),
                mission.laneAttempt("b", 1, true));

        // When replayed
        Vote immunizer = vote(onlyVerdict(events), Immunizer.NAME);

        // Then both objections are reasons, sorted
        assertThat(immunizer.getPass()).isFalse();
        assertThat(immunizer.getReasons()).containsExactly(
                "a attempt 1: scope entry etc/passwd is outside the planned scope",
                "token budget exceeded: 900 used of 500");
        assertThat(immunizer.getFailingLanes()).containsExactly("a");
    }

    @Test
    void shouldFailVerifierAuxForAMissingArtifactAndRedTests() {
        // Given lane a without its engage report, and lane b's test run exiting 1
        List<BlackboardEvent> laneB = new ArrayList<>(mission.laneAttempt("b", 1, true));
        BlackboardEvent tests = laneB.get(4);
        laneB.set(4, withPayload(tests, dev.swarmboard.schema.event.ToolReceipt.newBuilder(
                (dev.swarmboard.schema.event.ToolReceipt) tests.getPayload()).setExitCode(1).build()));
        List<BlackboardEvent> events = events(mission.planIssued(),
                editYield(mission.laneAttempt("a", 1, true), y -> y.setArtifacts(y.getArtifacts().subList(0, 2))),
                laneB);

        // When replayed
        Vote aux = vote(onlyVerdict(events), VerifierAux.NAME);

        // Then verifier_aux names both lanes
        assertThat(aux.getReasons()).containsExactly("a attempt 1: required artifact engage_report missing",
                "b attempt 1: tests not green: unit-tests exited 1");
        assertThat(aux.getFailingLanes()).containsExactly("a", "b");
    }

    @Test
    void shouldFailTheDisruptorForAReceiptAfterTheYieldAndAConflictingDuplicate() {
        // Given a receipt of lane b after b's yield, and a receipt of lane a written again with other content
        List<BlackboardEvent> laneB = mission.laneAttempt("b", 1, true);
        BlackboardEvent late = MissionLogs.withId(laneB.get(1), "late-receipt");
        List<BlackboardEvent> laneA = mission.laneAttempt("a", 1, true);
        BlackboardEvent receipt = laneA.get(1);
        BlackboardEvent forged = withPayload(receipt, StageCompleted.newBuilder((StageCompleted) receipt.getPayload())
                .setOutput("something else").build());
        List<BlackboardEvent> events = events(mission.planIssued(), laneB, List.of(late), laneA.subList(0, 5),
                List.of(forged), laneA.get(5));

        // When replayed
        Vote disruptor = vote(onlyVerdict(events), Disruptor.NAME);

        // Then the disruptor names both lanes, one reason each
        assertThat(disruptor.getFailingLanes()).containsExactly("a", "b");
        assertThat(disruptor.getReasons()).containsExactly(
                "a attempt 1: StageCompleted " + receipt.getHeader().getEventId()
                        + " was written again with different content",
                "b attempt 1: StageCompleted late-receipt arrived after the yield");
    }

    @Test
    void shouldFailTheDisruptorForConflictingReportsOnTheSameScope() {
        // Given lanes a and b both claim scope src/shared with different engage reports
        List<BlackboardEvent> events = events(mission.planIssued(),
                editYield(mission.laneAttempt("a", 1, true), y -> y.setScope(List.of("src/shared"))),
                editYield(mission.laneAttempt("b", 1, true), y -> y.setScope(List.of("src/shared"))));

        // When replayed
        QuorumReached verdict = onlyVerdict(events);

        // Then the disruptor names both lanes (and the immunizer the scope breach)
        assertThat(vote(verdict, Disruptor.NAME).getFailingLanes()).containsExactly("a", "b");
        assertThat(vote(verdict, Disruptor.NAME).getReasons()).singleElement().asString()
                .startsWith("lanes report differently on scope src/shared: engage_report ")
                .contains(" from lane a", " from lane b");
        assertThat(verdict.getVerdict()).isEqualTo(Quorum.FAIL);
    }

    @Test
    void shouldFailTheDisruptorForWorkspaceLanesChangingTheSameLines() {
        // Given workspace lanes a and b whose net changes both replace line 2 of textkit/slug.py
        List<BlackboardEvent> events = events(mission.planIssued(),
                editYield(mission.laneAttempt("a", 1, true), y -> changed(y, "-two\n+TWO\n")),
                editYield(mission.laneAttempt("b", 1, true), y -> changed(y, "-two\n+Two\n")));

        // When replayed
        QuorumReached verdict = onlyVerdict(events);

        // Then the disruptor names both lanes, the file and the lines
        assertThat(vote(verdict, Disruptor.NAME).getFailingLanes()).containsExactly("a", "b");
        assertThat(vote(verdict, Disruptor.NAME).getReasons())
                .containsExactly("lanes a and b both change textkit/slug.py (a: line 2, b: line 2)");
        assertThat(vote(verdict, Disruptor.NAME).getPass()).isFalse();
    }

    @Test
    void shouldNotObjectToWorkspaceLanesWithDisjointChangesOnTheSameScope() {
        // Given workspace lanes a and b on the same scope, changing lines far apart, with different reports
        List<BlackboardEvent> events = events(mission.planIssued(),
                editYield(mission.laneAttempt("a", 1, true), y -> changed(y.setScope(List.of("src/shared")),
                        "-two\n+TWO\n")),
                editYield(mission.laneAttempt("b", 1, true), y -> changed(y.setScope(List.of("src/shared")),
                        "-nine\n+NINE\n").setChangeDiff(y.getChangeDiff().replace("-2,1 +2,1", "-9,1 +9,1"))));

        // When replayed, Then the disruptor votes on the changes, not on the report names
        assertThat(vote(onlyVerdict(events), Disruptor.NAME).getReasons()).isEmpty();
    }

    @Test
    void shouldNotObjectToALaneChangingTheLinesOfTheLaneItWaitsFor() {
        // Given b waits for a, and b's net change (from a's tree) replaces the line a changed
        dev.swarmboard.schema.Plan plan = mission.plan();
        List<dev.swarmboard.schema.PlannedLane> lanes = plan.getLanes().stream().map(lane -> "b".equals(lane.getLaneId())
                ? dev.swarmboard.schema.PlannedLane.newBuilder(lane).setAfter(List.of("a")).build() : lane).toList();
        List<BlackboardEvent> events = events(
                mission.planIssued(dev.swarmboard.schema.Plan.newBuilder(plan).setLanes(lanes).build()),
                editYield(mission.laneAttempt("a", 1, true), y -> changed(y, "-two\n+TWO\n")),
                editYield(mission.laneAttempt("b", 1, true), y -> changed(y, "-TWO\n+Two\n")
                        .setBaseTreeId("c".repeat(40)).setTreeId("d".repeat(40))));

        // When replayed, Then the disruptor sees a sequence, not a conflict
        assertThat(vote(onlyVerdict(events), Disruptor.NAME).getReasons()).isEmpty();
    }

    /** A yield with a workspace net change replacing line 2 of textkit/slug.py by {@code body}. */
    static dev.swarmboard.schema.event.LaneYielded.Builder changed(
            dev.swarmboard.schema.event.LaneYielded.Builder yielded, String body) {
        return yielded.setBaseTreeId("b".repeat(40)).setTreeId("c".repeat(40)).setChangeDiff(
                "diff --git a/textkit/slug.py b/textkit/slug.py\n--- a/textkit/slug.py\n+++ b/textkit/slug.py\n"
                        + "@@ -2,1 +2,1 @@\n" + body);
    }

    @Test
    void shouldFailALaneThatFailedWithoutAYield() {
        // Given lane b failed outright
        BlackboardEvent failed = withPayload(mission.laneAttempt("b", 1, true).get(5),
                new LaneFailed("engage", List.of(new Reason("MODEL_ERROR", "stage engage", "empty output", List.of()))));
        List<BlackboardEvent> events = events(mission.planIssued(), mission.laneAttempt("a", 1, true), List.of(failed));

        // When replayed
        QuorumReached verdict = onlyVerdict(events);

        // Then immunizer and verifier_aux fail lane b: 1 of 3
        assertThat(verdict.getVerdict()).isEqualTo(Quorum.FAIL);
        assertThat(verdict.getVotes()).extracting(Vote::getPass).containsExactly(false, true, false);
        assertThat(verdict.getFailingLanes()).containsExactly("b");
        assertThat(vote(verdict, Immunizer.NAME).getReasons())
                .containsExactly("b attempt 1: lane failed: MODEL_ERROR at stage engage: empty output");
    }

    @Test
    void shouldReplaceThePlanWhenANewOneIsIssuedAndKeepTheCountedYields() {
        // Given lane a yielded under the first plan, then a plan with lanes a and c supersedes it
        Plan second = Plan.newBuilder(mission.plan()).setPlanId("plan-2").setSupersedes("plan-m-1")
                .setLanes(List.of(mission.plan().getLanes().get(0), SyntheticMissionLanes.lane(mission, "c"))).build();
        List<BlackboardEvent> events = events(mission.planIssued(), mission.laneAttempt("a", 1, true),
                mission.planIssued(second), mission.laneAttempt("c", 1, true));

        // When replayed
        QuorumReached verdict = onlyVerdict(events);

        // Then the verdict is for the new plan, without lane b
        assertThat(verdict.getPlanId()).isEqualTo("plan-2");
        assertThat(verdict.getVerdict()).isEqualTo(Quorum.PASS);
    }

    @Test
    void shouldNotVerifyThePlanningPlanButThePlanThatSupersedesIt() {
        // Given the orchestrator's planning plan, its lane's passing yield, then the lanes' own plan
        Plan planning = Plan.newBuilder(mission.plan()).setPlanId("m-1/plan-1").setWorkflow("orchestrate")
                .setLanes(List.of(SyntheticMissionLanes.lane(mission, "orchestrate"))).build();
        Plan lanes = Plan.newBuilder(mission.plan()).setPlanId("m-1/plan-2").setVersion(2)
                .setSupersedes("m-1/plan-1").build();
        List<BlackboardEvent> events = events(mission.planIssued(planning), mission.laneAttempt("orchestrate", 1, true),
                mission.planIssued(lanes), mission.laneAttempt("a", 1, true), mission.laneAttempt("b", 1, true));

        // When replayed
        QuorumReached verdict = onlyVerdict(events);

        // Then the only verdict is round 1 of the lanes' plan
        assertThat(verdict.getPlanId()).isEqualTo("m-1/plan-2");
        assertThat(verdict.getRound()).isEqualTo(1);
        assertThat(verdict.getVerdict()).isEqualTo(Quorum.PASS);
    }

    @Test
    void shouldIgnoreEverythingAfterTheMissionIsCancelled() {
        // Given a cancellation before the last lane yields
        BlackboardEvent cancelled = withPayload(mission.retry(9, List.of()), new MissionCancelled("stop", "", List.of()));
        List<BlackboardEvent> events = events(mission.planIssued(), mission.laneAttempt("a", 1, true),
                List.of(cancelled), mission.laneAttempt("b", 1, true));

        // When replayed, Then no verdict
        assertThat(QuorumReplay.verdicts(log(events))).isEmpty();
    }

    @Test
    void shouldRequireEveryValidatorWhenThePlanThresholdIsOutOfRange() {
        // Given a plan with threshold 0 and a tampered artifact ref (disruptor objects)
        Plan lax = Plan.newBuilder(mission.plan()).setQuorumThreshold(0).build();
        List<BlackboardEvent> events = events(mission.planIssued(lax), mission.laneAttempt("a", 1, true),
                editYield(mission.laneAttempt("b", 1, true), y -> y.setArtifacts(tampered(y.getArtifacts()))));

        // When replayed
        QuorumReached verdict = onlyVerdict(events);

        // Then the threshold is 3 and the round fails on the one objection
        assertThat(verdict.getThreshold()).isEqualTo(3);
        assertThat(verdict.getVerdict()).isEqualTo(Quorum.FAIL);
        assertThat(verdict.getFailingLanes()).containsExactly("b");
    }

    @Test
    void shouldNotPassAPlanWithoutLanes() {
        // Given a plan with no lanes: every lane (none) has an outcome at once
        Plan empty = Plan.newBuilder(mission.plan()).setLanes(List.of()).build();

        // When replayed
        QuorumReached verdict = onlyVerdict(List.of(mission.planIssued(empty)));

        // Then verifier_aux objects and the verdict is FAIL
        assertThat(vote(verdict, VerifierAux.NAME).getReasons()).containsExactly("plan plan-m-1 has no lanes: nothing was done");
        assertThat(verdict.getVotes()).extracting(Vote::getPass).containsExactly(true, true, false);
    }

    static List<EvidenceRef> tampered(List<EvidenceRef> refs) {
        List<EvidenceRef> copy = new ArrayList<>(refs);
        EvidenceRef first = copy.get(0);
        copy.set(0, new EvidenceRef(first.getEventId(), "0".repeat(64), first.getLabel()));
        return copy;
    }

    @SafeVarargs
    static List<BlackboardEvent> events(Object... parts) {
        List<BlackboardEvent> all = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof BlackboardEvent event) {
                all.add(event);
            } else {
                @SuppressWarnings("unchecked")
                List<BlackboardEvent> list = (List<BlackboardEvent>) part;
                all.addAll(list);
            }
        }
        return all;
    }

    private static QuorumReached onlyVerdict(List<BlackboardEvent> events) {
        List<BlackboardEvent> verdicts = QuorumReplay.verdicts(log(events));
        assertThat(verdicts).hasSize(1);
        return payload(verdicts.get(0));
    }

    static QuorumReached payload(BlackboardEvent verdict) {
        return (QuorumReached) verdict.getPayload();
    }

    static Vote vote(QuorumReached verdict, String validator) {
        return verdict.getVotes().stream().filter(v -> v.getValidator().equals(validator)).findFirst().orElseThrow();
    }
}
