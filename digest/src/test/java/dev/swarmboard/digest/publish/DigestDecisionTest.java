package dev.swarmboard.digest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.digest.report.MissionFixtures;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.DigestRejected;
import dev.swarmboard.schema.event.QuorumReached;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestDecisionTest {

    private static final Instant NOW = Instant.parse("2030-01-02T00:00:00Z");

    @Test
    void shouldPublishForAReproducedPassVerdict() {
        MissionLog log = MissionFixtures.passedAfterRetry("m-1");
        RecordedEvent pass = verdicts(log).get(1);

        DigestOutcome outcome = DigestDecision.decide(log, pass.eventId(), "reports/m-1.md", NOW);

        assertThat(outcome).isInstanceOf(DigestOutcome.Publish.class);
        BlackboardEvent event = outcome.event();
        DigestPublished published = (DigestPublished) event.getPayload();
        assertThat(event.getHeader().getEventId()).isEqualTo(DigestDecision.publishedId("m-1", pass.eventId()));
        assertThat(published.getVerdictEventId()).isEqualTo(pass.eventId());
        assertThat(published.getHeadHash()).isEqualTo(log.head().hex());
        assertThat(published.getReportPath()).isEqualTo("reports/m-1.md");
        assertThat(published.getMarkdown()).startsWith("# Mission report: m-1");
    }

    @Test
    void shouldPublishNothingSecondForTheSameVerdict() {
        MissionLog log = MissionFixtures.passedAfterRetry("m-1");
        DigestOutcome first = DigestDecision.decide(log, null, "r.md", NOW);

        DigestOutcome second = DigestDecision.decide(MissionFixtures.append(log, first.event()), null, "r.md", NOW);

        assertThat(second).isInstanceOf(DigestOutcome.AlreadyRecorded.class);
        assertThat(second.event().getHeader().getEventId()).isEqualTo(first.event().getHeader().getEventId());
    }

    @Test
    void shouldRefuseAMissionWithoutAPassVerdictWhateverItIsAsked() {
        MissionLog log = MissionFixtures.failed("m-2");
        String failVerdict = verdicts(log).get(0).eventId();

        assertThat(reasons(DigestDecision.decide(log, null, "r.md", NOW))).singleElement()
                .satisfies(reason -> assertThat(reason.getMessage()).isEqualTo("mission m-2 has no PASS verdict"));
        assertThat(reasons(DigestDecision.decide(log, failVerdict, "r.md", NOW))).extracting(Reason::getCode)
                .containsExactly("NO_PASS_VERDICT");
    }

    @Test
    void shouldRefuseAPassVerdictTheLogDoesNotReproduce() {
        // Given a failed mission and a PASS verdict someone else wrote, under the verifier's own id
        MissionLog log = MissionFixtures.failed("m-3");
        BlackboardEvent fail = verdicts(log).get(0).event();
        BlackboardEvent forged = BlackboardEvent.newBuilder(fail).build();
        QuorumReached payload = (QuorumReached) forged.getPayload();
        payload.setVerdict("PASS");
        forged.getHeader().setEventId("forged-pass");

        // When asked to digest the forged verdict
        DigestOutcome outcome = DigestDecision.decide(MissionFixtures.append(log, forged), "forged-pass", "r.md", NOW);

        // Then it refuses
        assertThat(reasons(outcome)).extracting(Reason::getCode).containsExactly("VERDICT_NOT_REPRODUCIBLE");
    }

    @Test
    void shouldPublishAWorkspaceMissionOnlyAfterItsIntegrationCompleted() {
        // Given a workspace mission whose round 1 passed, with no integration yet
        var mission = new dev.swarmboard.verifier.bench.SyntheticMission("m-3", List.of("a"), MissionFixtures.START,
                java.time.Duration.ofHours(1));
        var plan = ((dev.swarmboard.schema.event.PlanIssued) mission.planIssued().getPayload()).getPlan();
        var workspace = dev.swarmboard.schema.Workspace.newBuilder().setRepo("/srv/repo").setBase("c".repeat(40)).build();
        plan = dev.swarmboard.schema.Plan.newBuilder(plan).setLanes(plan.getLanes().stream()
                .map(lane -> dev.swarmboard.schema.PlannedLane.newBuilder(lane).setWorkspace(workspace).build())
                .toList()).build();
        List<BlackboardEvent> events = new java.util.ArrayList<>(List.of(mission.planIssued(plan)));
        events.addAll(mission.laneAttempt("a", 1, true));
        MissionLog passed = MissionFixtures.withVerdicts("m-3", events);
        String pass = verdicts(passed).get(0).eventId();

        // When a digest is asked for, Then it waits for, and without one refuses, the integration
        assertThat(DigestDecision.awaitsIntegration(passed, pass)).isTrue();
        assertThat(reasons(DigestDecision.decide(passed, pass, "r/m-3.md", NOW))).extracting(Reason::getCode)
                .containsExactly("INTEGRATION_NOT_PASSED");

        // And once the IntegrationCompleted naming the verdict is on the log, it publishes the integrated change
        var completed = dev.swarmboard.schema.event.IntegrationCompleted.newBuilder().setRound(1).setVerdictEventId(pass)
                .setBaseCommit("c".repeat(40)).setBaseTreeId("b".repeat(40)).setTreeId("d".repeat(40))
                .setLanes(List.of("a")).setDiff("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n")
                .setDiffHash("h").build();
        MissionLog integrated = MissionFixtures.append(passed, dev.swarmboard.blackboard.Events.create("i-1",
                dev.swarmboard.blackboard.EventOrigin.mission("m-3", "lane-worker"), completed, NOW));
        assertThat(DigestDecision.awaitsIntegration(integrated, pass)).isFalse();
        DigestOutcome outcome = DigestDecision.decide(integrated, pass, "r/m-3.md", NOW);
        assertThat(outcome).isInstanceOf(DigestOutcome.Publish.class);
        DigestPublished published = (DigestPublished) outcome.event().getPayload();
        assertThat(published.getHeadHash()).isEqualTo(integrated.head().hex());
        assertThat(published.getMarkdown()).contains("## Work", "## Integrated change", "+new", "d".repeat(40),
                "git am m-3.patch", "git revert --no-edit swarm/m-3");
    }

    @Test
    void shouldNotTakeALaterCopyOfAFailVerdictIdForAPass() {
        // Given a failed mission and a PASS written later under the FAIL verdict's own id
        MissionLog log = MissionFixtures.failed("m-4");
        BlackboardEvent fail = verdicts(log).get(0).event();
        BlackboardEvent copy = BlackboardEvent.newBuilder(fail).build();
        ((QuorumReached) copy.getPayload()).setVerdict("PASS");

        // When asked for that id
        DigestOutcome outcome = DigestDecision.decide(MissionFixtures.append(log, copy),
                fail.getHeader().getEventId(), "r.md", NOW);

        // Then the first event of the id (the FAIL) is what counts
        assertThat(reasons(outcome)).extracting(Reason::getCode).containsExactly("NO_PASS_VERDICT");
    }

    private static List<RecordedEvent> verdicts(MissionLog log) {
        return log.events().stream().filter(event -> event.type().equals("QuorumReached")).toList();
    }

    private static List<Reason> reasons(DigestOutcome outcome) {
        assertThat(outcome).isInstanceOf(DigestOutcome.Reject.class);
        return ((DigestRejected) outcome.event().getPayload()).getReasons();
    }
}
