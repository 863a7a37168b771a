package dev.swarmboard.digest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.ContactPolicy;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.event.MissionAccepted;
import dev.swarmboard.verifier.bench.SyntheticMission;
import dev.swarmboard.verifier.quorum.QuorumReplay;
import dev.swarmboard.verifier.quorum.ReplayedVerdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportRendererTest {

    private final MissionLog log = MissionFixtures.passedAfterRetry("m-7");
    private final ReplayedVerdict pass = QuorumReplay.replay(log.events()).get(1);

    @Test
    void shouldRenderAValidReportWithEverySection() {
        DigestReport report = ReportRenderer.render(log.events(), pass);

        assertThat(ReportValidator.validate(report, log.events())).isEmpty();
        assertThat(report.markdown()).contains("## BLUF", "## Matrix", "## Verdict", "## Diagram",
                "## Executive summary", "## Evidence refs", "```mermaid\nflowchart TD\n");
        assertThat(report.bluf()).startsWith("Mission m-7 passed verification in round 2: 3 of 3 validators voted PASS")
                .contains("2 of 2 planned lanes (a, b) ended with a passing yield, 1 after a retry");
        assertThat(report.markdown()).contains("| b | 1 FAIL, 2 PASS | PASS | pass | pass | pass | pass | pass |");
        assertThat(report.markdown()).contains("lane2_1 --> lane2_2", "lane2_2 --> verdict");
        assertThat(report.evidenceRefs().get(0).getLabel()).isEqualTo("E1: verdict");
        assertThat(report.evidenceRefs().get(0).getEventId()).isEqualTo(pass.eventId());
    }

    @Test
    void shouldRenderTheSameBytesFromTheSameEvents() {
        assertThat(ReportRenderer.render(log.events(), pass)).isEqualTo(ReportRenderer.render(log.events(), pass));
    }

    @Test
    void shouldRejectATamperedEvidenceRefAndABrokenReport() {
        // Given a rendered report whose first ref's hash is altered, BLUF cut to one sentence and diagram broken
        DigestReport report = ReportRenderer.render(log.events(), pass);
        List<EvidenceRef> refs = new ArrayList<>(report.evidenceRefs());
        EvidenceRef first = refs.get(0);
        refs.set(0, new EvidenceRef(first.getEventId(), "0".repeat(64), first.getLabel()));
        DigestReport broken = new DigestReport("Mission passed.",
                report.markdown().replace("## Executive summary", "## Summary").replace("plan --> lane1", "plan -> lane1")
                        + "See also [E99].\n", refs);

        // When validated
        List<Reason> reasons = ReportValidator.validate(broken, log.events());

        // Then every problem is named with where it is
        assertThat(reasons).extracting(Reason::getCode).containsExactly("SECTION_MISSING", "BLUF_LENGTH",
                "EVIDENCE_HASH_MISMATCH", "CITATION_UNKNOWN", "DIAGRAM_INVALID");
        assertThat(reasons).extracting(Reason::getField).containsExactly("markdown", "bluf", "evidence_refs[0]",
                "markdown line " + broken.markdown().split("\n").length, "diagram line 7");
    }

    @Test
    void shouldRejectEvidenceThatIsNotInTheLog() {
        DigestReport report = ReportRenderer.render(log.events(), pass);
        List<RecordedEvent> withoutVerdict = log.events().stream()
                .filter(event -> !event.eventId().equals(pass.eventId())).toList();

        assertThat(ReportValidator.validate(report, withoutVerdict)).extracting(Reason::getCode)
                .containsExactly("EVIDENCE_UNRESOLVED");
    }

    @Test
    void shouldShowHostileEventTextEscapedAndMarkdownInert() {
        // Given a goal and an objective with a screen clear, an OSC title, a forged line, a fence, HTML and a cell break
        String hostile = "\u001b[2J\u001b]0;pwned\u0007 x | y\n```\n<img src=x onerror=alert(1)>\nREPLAY OK";
        SyntheticMission mission = new SyntheticMission("m-h", List.of("a"), MissionFixtures.START, Duration.ofHours(1));
        Plan plan = Plan.newBuilder(mission.plan()).setLanes(List.of(PlannedLane.newBuilder(mission.plan().getLanes()
                .get(0)).setObjective(hostile).build())).build();
        MissionSpec spec = MissionSpec.newBuilder().setMissionId("m-h").setGoal(hostile).setLanes(List.of())
                .setConstraints(Constraints.newBuilder().build()).setContactPolicy(new ContactPolicy("", "", ""))
                .setQuorumThreshold(2).setMaxReruns(0).setShrinkScopeOnRetry(false).build();
        BlackboardEvent accepted = Events.create(EventOrigin.mission("m-h", "orchestrator"),
                new MissionAccepted(spec, "h", "it"), MissionFixtures.START);
        List<BlackboardEvent> events = new ArrayList<>(List.of(accepted, mission.planIssued(plan)));
        events.addAll(mission.laneAttempt("a", 1, true));
        MissionLog hostileLog = MissionFixtures.withVerdicts("m-h", events);
        // When the report is rendered
        DigestReport report = ReportRenderer.render(hostileLog.events(), QuorumReplay.replay(hostileLog.events()).get(0));
        // Then no control character, raw HTML, fence or forged line reaches it, the escapes are visible, and it validates
        assertThat(report.markdown()).doesNotContain("\u001b", "\u0007", "<img", "\nREPLAY OK")
                .contains("Goal: \\\\u001b\\[2J", "&lt;img src=x onerror=alert(1)&gt;", "x \\| y");
        assertThat(report.markdown().split("```", -1)).as("only the mermaid fence opens and closes").hasSize(3);
        assertThat(report.markdown().chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
        assertThat(ReportValidator.validate(report, hostileLog.events())).isEmpty();
        // and the blackboard keeps the text unchanged
        assertThat(((MissionAccepted) hostileLog.events().get(0).event().getPayload()).getMission().getGoal())
                .isEqualTo(hostile);
    }
}
