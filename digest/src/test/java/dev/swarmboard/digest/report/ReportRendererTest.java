package dev.swarmboard.digest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.verifier.quorum.QuorumReplay;
import dev.swarmboard.verifier.quorum.ReplayedVerdict;
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
}
