package dev.swarmboard.digest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.digest.report.MissionFixtures;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.DigestRejected;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.verifier.bench.SyntheticMission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditDigestTest {

    private static final Instant NOW = Instant.parse("2030-01-02T00:00:00Z");

    private final SyntheticMission mission = new SyntheticMission("m-a", List.of("a"), MissionFixtures.START,
            Duration.ofHours(1));

    private MissionLog passedWithAuditPlanned() {
        Plan plan = Plan.newBuilder(mission.plan()).setAudit(PlannedLane.newBuilder().setLaneId("audit")
                .setObjective("audit").setRole("auditor").setScope(List.of()).setTools(List.of()).build()).build();
        List<BlackboardEvent> events = new ArrayList<>(List.of(mission.planIssued(plan)));
        events.addAll(mission.laneAttempt("a", 1, true));
        return MissionFixtures.withVerdicts("m-a", events);
    }

    @Test
    void shouldWaitForTheAuditOfAPlanThatHasOne() {
        // Given a passed mission whose plan has an audit lane that has not ended
        MissionLog log = passedWithAuditPlanned();
        String verdict = verdict(log);
        // Then the service waits, and a decision asked anyway is refused naming why
        assertThat(DigestDecision.awaitsAudit(log, verdict)).isTrue();
        DigestOutcome outcome = DigestDecision.decide(log, verdict, "r.md", NOW);
        assertThat(((DigestRejected) outcome.event().getPayload()).getReasons()).extracting(Reason::getCode)
                .containsExactly("AUDIT_NOT_ENDED");
    }

    @Test
    void shouldQuoteTheEndedAuditAsAdvisoryTextAfterTheVerdict() {
        // Given the audit lane yielded after the PASS
        MissionLog log = passedWithAuditPlanned();
        String verdict = verdict(log);
        MissionLog audited = MissionFixtures.append(log, mission.laneAttempt("audit", 1, true)
                .toArray(BlackboardEvent[]::new));
        // When the digest decides
        assertThat(DigestDecision.awaitsAudit(audited, verdict)).isFalse();
        DigestOutcome outcome = DigestDecision.decide(audited, verdict, "r.md", NOW);
        // Then it publishes, with the audit under its advisory label after the verdict
        assertThat(outcome).isInstanceOf(DigestOutcome.Publish.class);
        String markdown = ((DigestPublished) outcome.event().getPayload()).getMarkdown();
        assertThat(markdown).contains("## Audit (advisory)", "It decided nothing", "Audit artifact engage_report");
        assertThat(markdown.indexOf("## Verdict")).isLessThan(markdown.indexOf("## Audit (advisory)"));
    }

    @Test
    void shouldNotWaitForAnAuditThePlanDoesNotHave() {
        MissionLog log = MissionFixtures.passedAfterRetry("m-1");

        assertThat(DigestDecision.awaitsAudit(log, verdicts(log).get(1).eventId())).isFalse();
    }

    private static String verdict(MissionLog log) {
        return verdicts(log).get(0).eventId();
    }

    private static List<RecordedEvent> verdicts(MissionLog log) {
        return log.events().stream().filter(event -> event.event().getPayload() instanceof QuorumReached).toList();
    }
}
