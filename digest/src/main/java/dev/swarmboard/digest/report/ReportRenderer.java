package dev.swarmboard.digest.report;

import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.Vote;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.verifier.quorum.LaneOutcome;
import dev.swarmboard.verifier.quorum.ReplayedVerdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders the mission report as a pure function of the mission's events up to a verdict and that
 * verdict as the verifier's replay derives it: the same events give the same Markdown, byte for byte.
 */
public final class ReportRenderer {

    /** The report's sections, in order; the validator requires each. */
    public static final List<String> SECTIONS =
            List.of("BLUF", "Matrix", "Verdict", "Diagram", "Executive summary", "Evidence refs");

    /** Sections the report adds before the evidence: every lane's work, and a workspace mission's change. */
    static final String WORK = "Work";
    static final String INTEGRATED = "Integrated change";

    private ReportRenderer() {
    }

    public static DigestReport render(List<RecordedEvent> events, ReplayedVerdict replayed) {
        return render(events, replayed, Optional.empty(), "");
    }

    /**
     * As {@link #render(List, ReplayedVerdict)}, with the work of each lane and, for a workspace
     * mission, the integrated change ({@code integration}, an IntegrationCompleted among {@code events})
     * and the patch file beside the report.
     */
    public static DigestReport render(List<RecordedEvent> events, ReplayedVerdict replayed,
                                      Optional<BlackboardEvent> integration, String patchFile) {
        return render(events, replayed, integration, patchFile, Optional.empty());
    }

    /**
     * As {@link #render(List, ReplayedVerdict, Optional, String)}, with the ensemble judgments and, when
     * the plan has an audit lane, its outcome ({@code audit}, among {@code events}) as advisory text.
     */
    public static DigestReport render(List<RecordedEvent> events, ReplayedVerdict replayed,
                                      Optional<BlackboardEvent> integration, String patchFile,
                                      Optional<BlackboardEvent> audit) {
        BlackboardEvent verdictEvent = replayed.verdict();
        QuorumReached verdict = replayed.payload();
        String missionId = verdictEvent.getHeader().getMissionId();
        Plan plan = ((PlanIssued) replayed.planEvent().getPayload()).getPlan();
        BlackboardEvent accepted = events.stream().map(RecordedEvent::event)
                .filter(event -> event.getHeader().getType().equals("MissionAccepted")).findFirst().orElse(null);
        Citations citations = new Citations();
        String bluf = bluf(missionId, plan, replayed.outcomes(), verdictEvent, citations);
        StringBuilder markdown = new StringBuilder("# Mission report: ").append(missionId).append("\n\n");
        markdown.append(Markdown.heading(SECTIONS.get(0))).append(bluf).append("\n\n");
        markdown.append(Markdown.heading(SECTIONS.get(1)))
                .append(LaneMatrix.render(plan, replayed.outcomes(), citations)).append('\n');
        markdown.append(Markdown.heading(SECTIONS.get(2))).append(votes(verdict, citations.cite(verdictEvent,
                "verdict"))).append('\n');
        markdown.append(Markdown.heading(SECTIONS.get(3))).append("```mermaid\n")
                .append(MissionDiagram.render(missionId, plan, replayed.outcomes(), verdict)).append("```\n\n");
        markdown.append(Markdown.heading(SECTIONS.get(4))).append(ExecutiveSummary.render(accepted,
                replayed.planEvent(), plan, replayed.outcomes(), verdictEvent, citations)).append('\n');
        markdown.append(Markdown.heading(WORK)).append(WorkSection.render(plan, replayed.outcomes(), events, citations));
        integration.ifPresent(completed -> markdown.append(Markdown.heading(INTEGRATED))
                .append(ChangeSection.render(completed, events, patchFile, citations)).append('\n'));
        String judgments = JudgmentSection.render(events, citations);
        if (!judgments.isEmpty()) {
            markdown.append(Markdown.heading(JudgmentSection.HEADING)).append(judgments);
        }
        audit.ifPresent(outcome -> markdown.append(Markdown.heading(AuditSection.HEADING))
                .append(AuditSection.render(outcome, events, citations)));
        markdown.append(Markdown.heading(SECTIONS.get(5))).append(evidence(citations.refs()));
        return new DigestReport(bluf, markdown.toString(), citations.refs());
    }

    private static String bluf(String missionId, Plan plan, List<LaneOutcome> outcomes, BlackboardEvent verdictEvent,
                               Citations citations) {
        QuorumReached verdict = (QuorumReached) verdictEvent.getPayload();
        long passes = verdict.getVotes().stream().filter(Vote::getPass).count();
        Map<String, List<LaneOutcome>> byLane = LaneMatrix.byLane(outcomes);
        List<LaneOutcome> latest = plan.getLanes().stream()
                .map(lane -> LaneMatrix.latest(byLane.getOrDefault(lane.getLaneId(), List.of())))
                .flatMap(java.util.Optional::stream).toList();
        long passing = latest.stream().filter(LaneOutcome::passed).count();
        long retried = latest.stream().filter(outcome -> outcome.attempt() > 1).count();
        return "Mission " + missionId + " " + (dev.swarmboard.verifier.quorum.Quorum.passed(verdict) ? "passed" : "failed") + " verification in round "
                + verdict.getRound() + ": " + passes + " of " + verdict.getVotes().size()
                + " validators voted PASS against a threshold of " + verdict.getThreshold() + " "
                + citations.cite(verdictEvent, "verdict") + ". "
                + passing + " of " + plan.getLanes().size() + " planned lanes ("
                + plan.getLanes().stream().map(lane -> lane.getLaneId()).collect(Collectors.joining(", "))
                + ") ended with a passing yield" + (retried == 0 ? "" : ", " + retried + " after a retry") + " "
                + latest.stream().map(o -> citations.cite(o.event(), "outcome of lane " + o.describe()))
                .collect(Collectors.joining()) + ". "
                + "The verdict covers " + verdict.getEventCount() + " events up to head "
                + verdict.getHeadHash().substring(0, 12) + " " + citations.cite(verdictEvent, "verdict") + ".";
    }

    private static String votes(QuorumReached verdict, String citation) {
        StringBuilder table = new StringBuilder("Round ").append(verdict.getRound()).append(" verdict ")
                .append(verdict.getVerdict()).append(", threshold ").append(verdict.getThreshold()).append(' ')
                .append(citation).append(".\n\n");
        table.append(Markdown.textRow(List.of("Validator", "Vote", "Failing lanes", "Reasons")))
                .append(Markdown.separator(4));
        for (Vote vote : verdict.getVotes()) {
            table.append(Markdown.textRow(List.of(vote.getValidator(), vote.getPass() ? "PASS" : "FAIL",
                    String.join(", ", vote.getFailingLanes()), String.join("; ", vote.getReasons()))));
        }
        return table.toString();
    }

    private static String evidence(List<EvidenceRef> refs) {
        StringBuilder table = new StringBuilder(Markdown.textRow(List.of("Ref", "Claim", "Event id", "Content hash")))
                .append(Markdown.separator(4));
        for (EvidenceRef ref : refs) {
            int colon = ref.getLabel().indexOf(':');
            table.append(Markdown.textRow(List.of(ref.getLabel().substring(0, colon), ref.getLabel().substring(colon + 2),
                    ref.getEventId(), ref.getContentHash())));
        }
        return table.toString();
    }
}
