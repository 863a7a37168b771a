package dev.swarmboard.cli.view;

import dev.swarmboard.change.Diffstat;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.EventHeader;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.Vote;
import dev.swarmboard.schema.event.BudgetExceeded;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.DigestRejected;
import dev.swarmboard.schema.event.Escalation;
import dev.swarmboard.schema.event.EscalationAttempt;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.LaneStarted;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.MissionAccepted;
import dev.swarmboard.schema.event.MissionCancelled;
import dev.swarmboard.schema.event.MissionFailed;
import dev.swarmboard.schema.event.MissionPaused;
import dev.swarmboard.schema.event.MissionRejected;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.PlanProposed;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.schema.event.RetryScheduled;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.StageStarted;
import dev.swarmboard.schema.event.ChangeApplied;
import dev.swarmboard.schema.event.IntegrationCompleted;
import dev.swarmboard.schema.event.IntegrationFailed;
import dev.swarmboard.schema.event.ToolReceipt;
import dev.swarmboard.text.ShownText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One readable terminal line per blackboard event: time, mission, lane and attempt, type, and the
 * few facts of the payload a person watching needs. Used by {@code swarm watch} and {@code swarm replay}.
 * Event text is shown through {@link ShownText}: control characters appear as visible escapes.
 */
public final class EventLine {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private EventLine() {
    }

    public static String render(BlackboardEvent event) {
        EventHeader header = event.getHeader();
        String where = header.getLaneId() == null ? header.getMissionId()
                : header.getMissionId() + " " + header.getLaneId() + "#" + header.getAttempt();
        return ShownText.terminal(String.format("%s  %-34s %-16s %s", TIME.format(header.getOccurredAt()), where,
                header.getType(), details(event.getPayload())));
    }

    /** The payload part of the line alone, escaped for a terminal like the whole line. */
    public static String details(BlackboardEvent event) {
        return ShownText.terminal(details(event.getPayload()));
    }

    static String details(Object payload) {
        if (payload instanceof MissionAccepted p) {
            return "goal: " + abbreviate(p.getMission().getGoal(), 80);
        } else if (payload instanceof MissionRejected p) {
            return reasons(p.getReasons());
        } else if (payload instanceof PlanProposed p) {
            return "plan " + p.getPlan().getPlanId() + " awaits a decision: " + reasons(p.getReasons());
        } else if (payload instanceof PlanIssued p) {
            return "plan " + p.getPlan().getPlanId() + " v" + p.getPlan().getVersion() + ", "
                    + p.getPlan().getLanes().size() + " lanes, issued " + p.getIssuedLanes()
                    + (p.getRound() > 1 ? " at round " + p.getRound() : "") + order(p.getPlan());
        } else if (payload instanceof MissionPaused p) {
            return "awaiting " + p.getAwaiting() + ": " + reasons(p.getReasons());
        } else if (payload instanceof MissionCancelled p) {
            return p.getReason();
        } else if (payload instanceof LaneStarted p) {
            return "on " + p.getWorker() + (p.getDeliveryCount() > 1 ? " (delivery " + p.getDeliveryCount() + ")" : "");
        } else if (payload instanceof StageStarted p) {
            return p.getStage() + " " + p.getKind().toLowerCase() + " calling " + p.getModelKeys();
        } else if (payload instanceof StageCompleted p) {
            return p.getStage() + " " + p.getKind().toLowerCase() + (p.getArtifact().isEmpty() ? "" : " → " + p.getArtifact())
                    + "  " + p.getModel() + "  " + p.getTokensIn() + "/" + p.getTokensOut() + " tok  "
                    + p.getLatencyMs() + " ms" + (p.getFlags().isEmpty() ? "" : "  flags " + p.getFlags());
        } else if (payload instanceof ToolReceipt p) {
            return p.getTool() + " exit " + p.getExitCode() + " in " + p.getDurationMs() + " ms"
                    + (p.getTimedOut() ? " (timed out)" : "")
                    + (p.getTreeId().isEmpty() ? "" : "  at tree " + p.getTreeId().substring(0, Math.min(12, p.getTreeId().length())));
        } else if (payload instanceof ChangeApplied p) {
            return p.getStage() + " changed " + p.getFiles().stream().map(file -> file.getPath() + " +"
                    + file.getAdded() + "/-" + file.getRemoved()).toList() + "  tree "
                    + p.getTreeId().substring(0, Math.min(12, p.getTreeId().length()));
        } else if (payload instanceof LaneYielded p) {
            return (p.getPassed() ? "PASS" : "FAIL " + failed(p.getChecks()));
        } else if (payload instanceof LaneFailed p) {
            return "at " + p.getStage() + ": " + reasons(p.getReasons());
        } else if (payload instanceof BudgetExceeded p) {
            return p.getBudget() + " used " + p.getUsed() + " + " + p.getRequested() + " > " + p.getLimit();
        } else if (payload instanceof QuorumReached p) {
            return p.getVerdict() + " round " + p.getRound() + " (" + passes(p.getVotes()) + "/" + p.getVotes().size()
                    + ", need " + p.getThreshold() + ")" + (p.getFailingLanes().isEmpty() ? "" : " failing " + p.getFailingLanes())
                    + (p.getMissingLanes().isEmpty() ? "" : " missing " + p.getMissingLanes());
        } else if (payload instanceof RetryScheduled p) {
            return "attempt " + p.getRound() + " for " + p.getLanes()
                    + (p.getHeldLanes().isEmpty() ? "" : ", " + p.getHeldLanes() + " wait for their predecessors");
        } else if (payload instanceof MissionFailed p) {
            return reasons(p.getReasons());
        } else if (payload instanceof Escalation p) {
            return p.getSeverity() + " → " + p.getContact() + ": " + abbreviate(p.getMessage(), 80);
        } else if (payload instanceof EscalationAttempt p) {
            return "attempt " + p.getAttempt() + " " + p.getOutcome() + (p.getDetail().isEmpty() ? "" : " (" + p.getDetail() + ")");
        } else if (payload instanceof IntegrationCompleted p) {
            return "round " + p.getRound() + " integrated " + p.getLanes() + "  tree "
                    + p.getTreeId().substring(0, Math.min(12, p.getTreeId().length())) + "  "
                    + Diffstat.of(p.getDiff()).summary();
        } else if (payload instanceof IntegrationFailed p) {
            return "round " + p.getRound() + " lanes " + p.getLanes() + ": " + reasons(p.getReasons());
        } else if (payload instanceof DigestPublished p) {
            return abbreviate(p.getBluf(), 100);
        } else if (payload instanceof DigestRejected p) {
            return reasons(p.getReasons());
        }
        return "";
    }

    private static long passes(List<Vote> votes) {
        return votes.stream().filter(Vote::getPass).count();
    }

    private static String failed(List<CheckResult> checks) {
        return checks.stream().filter(check -> !check.getPassed())
                .map(check -> check.getName() + " (" + abbreviate(check.getReason(), 60) + ")")
                .collect(Collectors.joining(", "));
    }

    /** The plan's sequence ({@code ; order a, b after a}) when a lane waits for another. */
    private static String order(Plan plan) {
        List<String> steps = plan.getLanes().stream().map(lane -> lane.getAfter().isEmpty() ? lane.getLaneId()
                : lane.getLaneId() + " after " + String.join("+", lane.getAfter())).toList();
        return plan.getLanes().stream().allMatch(lane -> lane.getAfter().isEmpty()) ? ""
                : "; order " + String.join(", ", steps);
    }

    private static String reasons(List<Reason> reasons) {
        return reasons.stream().map(reason -> reason.getCode() + (reason.getField().isEmpty() ? "" : " " + reason.getField())
                + ": " + abbreviate(reason.getMessage(), 80)).collect(Collectors.joining("; "));
    }

    static String abbreviate(String text, int max) {
        String flat = text.replace('\n', ' ').strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
