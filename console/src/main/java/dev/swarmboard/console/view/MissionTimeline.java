package dev.swarmboard.console.view;

import dev.swarmboard.orchestrator.plan.Planner;
import dev.swarmboard.orchestrator.state.MissionFold;
import dev.swarmboard.orchestrator.state.MissionPhase;
import dev.swarmboard.orchestrator.state.MissionState;
import dev.swarmboard.orchestrator.state.PlanProgress;
import dev.swarmboard.orchestrator.validation.Reasons;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.EventHeader;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.StagePlan;
import dev.swarmboard.schema.event.ChangeApplied;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.DigestRejected;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.LaneStarted;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.MissionAccepted;
import dev.swarmboard.schema.event.MissionCancelled;
import dev.swarmboard.schema.event.MissionFailed;
import dev.swarmboard.schema.event.MissionPaused;
import dev.swarmboard.schema.event.MissionRejected;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.StageStarted;
import dev.swarmboard.schema.event.ToolReceipt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fold of one mission's blackboard events, in log order, into a {@link MissionView}. The
 * mission's phase, proposed plan and plan in force come from the orchestrator's own
 * {@link MissionFold} (one source for what the mission's state is); this adds what a person watches:
 * lanes × stages, tool output, changes, votes, cost and the digest. A duplicate event id is skipped.
 */
public final class MissionTimeline {

    private final String missionId;
    private MissionState state;
    private final Map<String, LaneView> lanes = new LinkedHashMap<>();
    private final List<VerdictView> verdicts = new ArrayList<>();
    private final java.util.Set<String> seen = new java.util.HashSet<>();
    private String goal = "";
    private Instant startedAt;
    private Instant updatedAt;
    private long tokens;
    private double costUsd;
    private String why = "";
    private String bluf = "";
    private String digest = "";
    private boolean digestRejected;

    public MissionTimeline(String missionId) {
        this.missionId = missionId;
        this.state = MissionState.initial(missionId);
    }

    /** The view after these events, in log order. */
    public static MissionView replay(String missionId, List<BlackboardEvent> events) {
        MissionTimeline timeline = new MissionTimeline(missionId);
        events.forEach(timeline::apply);
        return timeline.view();
    }

    /** Folds the next event of the mission; true when it changed the view. */
    public boolean apply(BlackboardEvent event) {
        EventHeader header = event.getHeader();
        if (!missionId.equals(header.getMissionId()) || !seen.add(header.getEventId())) {
            return false;
        }
        state = MissionFold.apply(state, event);
        startedAt = startedAt == null ? header.getOccurredAt() : startedAt;
        updatedAt = header.getOccurredAt();
        Object payload = event.getPayload();
        if (header.getLaneId() != null) {
            lane(header, payload);
        } else {
            mission(payload);
        }
        return true;
    }

    private void mission(Object payload) {
        if (payload instanceof MissionAccepted accepted) {
            goal = accepted.getMission().getGoal();
        } else if (payload instanceof PlanIssued issued) {
            plan(issued.getPlan());
        } else if (payload instanceof MissionPaused paused) {
            why = Reasons.render(paused.getReasons());
        } else if (payload instanceof MissionRejected rejected) {
            why = Reasons.render(rejected.getReasons());
        } else if (payload instanceof MissionFailed failed) {
            why = Reasons.render(failed.getReasons());
        } else if (payload instanceof MissionCancelled cancelled) {
            why = cancelled.getReason();
        } else if (payload instanceof QuorumReached verdict) {
            verdicts.add(new VerdictView(verdict.getRound(), verdict.getVerdict(), verdict.getThreshold(),
                    verdict.getVotes().stream().map(vote -> new VerdictView.Vote(vote.getValidator(), vote.getPass(),
                            List.copyOf(vote.getReasons()))).toList(), List.copyOf(verdict.getFailingLanes())));
        } else if (payload instanceof DigestPublished published) {
            bluf = published.getBluf();
            digest = published.getMarkdown();
        } else if (payload instanceof DigestRejected rejected) {
            digestRejected = true;
            why = Reasons.render(rejected.getReasons());
        }
    }

    private void plan(Plan plan) {
        for (PlannedLane planned : plan.getLanes()) {
            lanes.putIfAbsent(planned.getLaneId(), LaneView.planned(planned.getLaneId(), planned.getObjective(),
                    planned.getStages().stream().map(StagePlan::getName).toList()));
        }
    }

    private void lane(EventHeader header, Object payload) {
        String laneId = header.getLaneId();
        LaneView lane = lanes.computeIfAbsent(laneId, id -> LaneView.planned(id, "", List.of()));
        if (payload instanceof LaneStarted) {
            lane = lane.started(header.getAttempt());
        } else if (header.getAttempt() < lane.attempt()) {
            return;
        } else if (payload instanceof StageStarted started) {
            lane = lane.withStage(started.getStage(), stage -> stage.started(String.join(", ", started.getModelKeys())));
        } else if (payload instanceof StageCompleted receipt) {
            tokens += receipt.getTokensIn() + receipt.getTokensOut();
            costUsd += receipt.getCostUsd();
            lane = lane.withStage(receipt.getStage(), stage -> stage.completed(receipt.getArtifact(), receipt.getModel(),
                    receipt.getOutput(), receipt.getTokensIn() + receipt.getTokensOut(), receipt.getCostUsd(),
                    receipt.getLatencyMs()));
        } else if (payload instanceof ToolReceipt tool) {
            lane = lane.withTool(new ToolView(tool.getStage(), tool.getTool(), tool.getExitCode(), tool.getTimedOut(),
                    tool.getDurationMs(), tool.getOutput()));
        } else if (payload instanceof ChangeApplied change) {
            lane = lane.withChange(new ChangeView(change.getStage(), change.getTreeId(), change.getDiff()));
        } else if (payload instanceof LaneYielded yielded) {
            lane = lane.ended(yielded.getPassed(), yielded.getChecks().stream().filter(check -> !check.getPassed())
                    .map(MissionTimeline::failed).collect(Collectors.joining("; ")));
        } else if (payload instanceof LaneFailed failed) {
            lane = lane.ended(false, "at " + failed.getStage() + ": " + Reasons.render(failed.getReasons()));
        }
        lanes.put(laneId, lane);
    }

    private static String failed(CheckResult check) {
        return check.getName() + ": " + check.getReason();
    }

    /** The view as it stands. */
    public MissionView view() {
        return new MissionView(missionId, status(), goal, startedAt, updatedAt, tokens, costUsd,
                state.awaiting().orElse(""), why,
                state.phase() == MissionPhase.PAUSED ? state.proposed().map(PlanView::of).orElse(null) : null,
                state.progress().map(PlanProgress::plan).filter(plan -> !Planner.isPlanning(plan))
                        .map(PlanView::of).orElse(null),
                new ArrayList<>(lanes.values()), verdicts, bluf, digest, seen.size());
    }

    private String status() {
        if (!digest.isEmpty()) {
            return "COMPLETED";
        }
        if (digestRejected) {
            return "FAILED";
        }
        return switch (state.phase()) {
            // Never accepted but answered with a rejection: a refused submission or a command on no mission.
            case NEW -> why.isEmpty() ? "SUBMITTED" : "REJECTED";
            default -> state.phase().name();
        };
    }
}
