package dev.swarmboard.digest.report;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.Vote;
import dev.swarmboard.schema.event.MissionAccepted;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.verifier.quorum.LaneOutcome;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The executive summary, written deterministically from the events (no model): the goal, the plan,
 * each lane's attempts with the artifacts and evidence its latest yield rests on, and the votes with
 * any dissent. Every sentence cites its evidence.
 */
final class ExecutiveSummary {

    private ExecutiveSummary() {
    }

    static String render(BlackboardEvent accepted, BlackboardEvent planEvent, Plan plan, List<LaneOutcome> outcomes,
                         BlackboardEvent verdictEvent, Citations citations) {
        StringBuilder text = new StringBuilder();
        if (accepted != null) {
            text.append("Goal: ").append(Markdown.text(((MissionAccepted) accepted.getPayload()).getMission().getGoal()))
                    .append(' ')
                    .append(citations.cite(accepted, "accepted mission")).append("\n\n");
        }
        text.append("Plan ").append(plan.getPlanId()).append(" (version ").append(plan.getVersion())
                .append(") split the work into ").append(plan.getLanes().size()).append(" lanes ")
                .append(citations.cite(planEvent, "plan in force")).append(".\n\n");
        Map<String, List<LaneOutcome>> byLane = LaneMatrix.byLane(outcomes);
        for (PlannedLane lane : plan.getLanes()) {
            text.append(lane(lane, byLane.getOrDefault(lane.getLaneId(), List.of()), citations));
        }
        text.append('\n').append(votes((QuorumReached) verdictEvent.getPayload(),
                citations.cite(verdictEvent, "verdict")));
        return text.toString();
    }

    private static String lane(PlannedLane lane, List<LaneOutcome> attempts, Citations citations) {
        StringBuilder line = new StringBuilder("- Lane ").append(lane.getLaneId()).append(" (")
                .append(Markdown.text(lane.getObjective())).append("): ");
        line.append(attempts.stream().map(outcome -> "attempt " + outcome.attempt() + " "
                + LaneMatrix.status(outcome) + " " + citations.cite(outcome.event(), "outcome of lane "
                + outcome.describe())).collect(Collectors.joining("; ")));
        LaneMatrix.latest(attempts).flatMap(LaneOutcome::yielded).ifPresent(yielded -> {
            line.append("; artifacts ").append(cited(yielded.getArtifacts(), "artifact", attempts, citations));
            if (!yielded.getEvidenceRefs().isEmpty()) {
                line.append("; evidence ").append(cited(yielded.getEvidenceRefs(), "evidence", attempts, citations));
            }
        });
        return line.append(".\n").toString();
    }

    private static String cited(List<EvidenceRef> refs, String kind, List<LaneOutcome> attempts, Citations citations) {
        String of = " of lane " + attempts.get(attempts.size() - 1).describe();
        return refs.stream().map(ref -> Markdown.text(ref.getLabel()) + " " + citations.cite(new EvidenceRef(ref.getEventId(),
                ref.getContentHash(), kind + " " + ref.getLabel() + of))).collect(Collectors.joining(", "));
    }

    private static String votes(QuorumReached verdict, String citation) {
        StringBuilder text = new StringBuilder("Validators: ").append(verdict.getVotes().stream()
                .map(vote -> vote.getValidator() + " " + (vote.getPass() ? "PASS" : "FAIL"))
                .collect(Collectors.joining(", "))).append("; threshold ").append(verdict.getThreshold())
                .append(" of ").append(verdict.getVotes().size()).append(' ').append(citation).append(".\n");
        for (Vote vote : verdict.getVotes()) {
            if (!vote.getPass()) {
                text.append("- Dissent of ").append(vote.getValidator()).append(": ")
                        .append(Markdown.text(String.join("; ", vote.getReasons()))).append(' ').append(citation)
                        .append(".\n");
            }
        }
        return text.toString();
    }
}
