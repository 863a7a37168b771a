package dev.swarmboard.lane.run;

import dev.swarmboard.blackboard.Events;
import dev.swarmboard.change.ChangeOverlap;
import dev.swarmboard.change.ChangedLines;
import dev.swarmboard.change.LaneAncestry;
import dev.swarmboard.change.LaneChange;
import dev.swarmboard.change.Overlap;
import dev.swarmboard.lane.tool.ToolRunner;
import dev.swarmboard.lane.workspace.Checkout;
import dev.swarmboard.lane.workspace.Integrator;
import dev.swarmboard.lane.workspace.RepoCache;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.IntegrationTask;
import dev.swarmboard.schema.KeyValue;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.Workspace;
import dev.swarmboard.schema.event.IntegrationCompleted;
import dev.swarmboard.schema.event.IntegrationFailed;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.ToolReceipt;
import dev.swarmboard.telemetry.Tracing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An integration task: the passed round's lane changes (read from their receipted yields) are checked
 * for overlap ({@link ChangeOverlap}, the disruptor's fact; a lane may change what a lane it waits for
 * changed), combined on a fresh checkout of the base in plan order — topological: every lane after the
 * lanes it builds on, whose diffs start from their predecessors' trees — and the workspace's tests run on
 * the integrated tree. The outcome is one
 * IntegrationCompleted or IntegrationFailed under the task's terminal id; a re-delivered task finds its
 * tool receipts and outcome and repeats neither.
 */
final class IntegrationStep {

    static final String STAGE = "integrate";
    private static final int SHOWN_DIFF_CHARS = 3_000;
    /** The most a lane's re-run is told, so a RunLane stays small whatever the number of lanes. */
    static final int LANE_REASON_CHARS = 8_000;
    /** The largest combined diff an IntegrationCompleted carries: well below a Kafka record. */
    static final int MAX_COMBINED_DIFF_BYTES = 524_288;

    private final LaneScope lane;
    private final ToolRunner tools;
    private final Path workspaceRoot;
    private final RepoCache repos;
    private final Tracing tracing;

    IntegrationStep(LaneScope lane, ToolRunner tools, Path workspaceRoot, RepoCache repos, Tracing tracing) {
        this.tracing = tracing;
        this.lane = lane;
        this.tools = tools;
        this.workspaceRoot = workspaceRoot;
        this.repos = repos;
    }

    LaneOutcome run() throws InterruptedException {
        IntegrationTask job = lane.task().getIntegration();
        Workspace workspace = lane.task().getLane().getWorkspace();
        List<LaneChange> changes = new ArrayList<>();
        Map<String, Set<String>> ancestry = ancestry();
        for (EvidenceRef ref : job.getYields()) {
            Optional<LaneYielded> yielded = PredecessorStart.yieldOf(lane.view(), ref);
            if (yielded.isEmpty()) {
                return failed(lanesOf(job), List.of(reason("UNKNOWN", "integration.yields", "the yield of lane "
                        + ref.getLabel() + " (" + ref.getEventId() + ") is not on the blackboard with its hash")),
                        Map.of(), "", List.of());
            }
            changes.add(new LaneChange(ref.getLabel(), yielded.get().getChangeDiff(), yielded.get().getBaseTreeId(),
                    ancestry.getOrDefault(ref.getLabel(), Set.of())));
        }
        List<Overlap> overlaps = ChangeOverlap.find(changes);
        if (!overlaps.isEmpty()) {
            return conflict(changes, overlaps);
        }
        if (workspace == null) {
            return failed(lanesOf(job), List.of(reason("UNKNOWN", "lane.workspace", "an integration task needs the"
                    + " mission's workspace")), Map.of(), "", List.of());
        }
        RepoCache.Opened opened = repos.checkout(workspace, lane.missionId(), lane.laneId(), lane.task().getAttempt());
        if (opened.checkout().isEmpty()) {
            return failed(lanesOf(job), List.of(reason("UNKNOWN", "lane.workspace.base", opened.problem())),
                    Map.of(), "", List.of());
        }
        try (Checkout checkout = opened.checkout().get()) {
            return integrate(job, workspace, checkout, changes);
        }
    }

    private LaneOutcome integrate(IntegrationTask job, Workspace workspace, Checkout checkout, List<LaneChange> changes)
            throws InterruptedException {
        Optional<Integrator.Refused> refused = Integrator.combine(checkout, changes);
        if (refused.isPresent()) {
            List<String> involved = sharingFiles(changes, refused.get().laneId());
            List<String> earlier = involved.stream().filter(laneId -> !laneId.equals(refused.get().laneId())).toList();
            Reason why = reason("CONFLICT", "integration." + refused.get().laneId(), "the change of lane "
                    + refused.get().laneId() + " does not apply after lanes " + earlier + ": " + refused.get().reason());
            return failed(involved, List.of(why), otherChanges(changes, involved, why.getMessage()), "", List.of());
        }
        Integrator.Combined combined = Integrator.combined(checkout, workspace.getBase());
        int bytes = combined.diff().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_COMBINED_DIFF_BYTES) {
            return failed(lanesOf(job), List.of(reason("CHANGE_TOO_LARGE", "integration.diff", "the integrated diff is "
                    + bytes + " bytes, over the limit of " + MAX_COMBINED_DIFF_BYTES)), Map.of(), combined.treeId(),
                    List.of());
        }
        ToolStep step = new ToolStep(lane, tools, workspaceRoot, Optional.of(checkout), tracing);
        List<EvidenceRef> receipts = new ArrayList<>();
        List<Reason> failing = new ArrayList<>();
        for (int i = 0; i < workspace.getTests().size(); i++) {
            String tool = workspace.getTests().get(i);
            try {
                BlackboardEvent receipt = step.runOnce(STAGE, tool, i);
                receipts.add(Events.ref(receipt, tool));
                ToolReceipt run = (ToolReceipt) receipt.getPayload();
                if (run.getExitCode() != 0 || run.getTimedOut()) {
                    failing.add(reason("TESTS_FAILED", "tools." + tool, tool + " exited " + run.getExitCode()
                            + (run.getTimedOut() ? " (timed out)" : "") + " on the integrated tree "
                            + combined.treeId() + ": " + tail(run.getOutput())));
                }
            } catch (LaneFailure failure) {
                failing.addAll(failure.reasons());
            }
        }
        List<String> changed = changes.stream().filter(change -> !change.diff().isEmpty()).map(LaneChange::laneId)
                .toList();
        if (!failing.isEmpty()) {
            return failed(changed, failing, otherChanges(changes, changed, failing.get(0).getMessage()),
                    combined.treeId(), receipts);
        }
        IntegrationCompleted completed = IntegrationCompleted.newBuilder().setRound(job.getRound())
                .setVerdictEventId(job.getVerdictEventId()).setBaseCommit(workspace.getBase())
                .setBaseTreeId(combined.baseTreeId())
                .setTreeId(combined.treeId()).setLanes(lanesOf(job)).setYields(job.getYields())
                .setDiff(combined.diff()).setDiffHash(combined.diffHash()).setTestReceipts(receipts).build();
        lane.view().append(lane.events().terminal(completed));
        return LaneOutcome.accept("integration of " + lane.missionId() + " round " + job.getRound() + ": tree "
                + combined.treeId());
    }

    private LaneOutcome conflict(List<LaneChange> changes, List<Overlap> overlaps) {
        List<String> involved = new ArrayList<>();
        List<Reason> reasons = new ArrayList<>();
        Map<String, String> laneReasons = new LinkedHashMap<>();
        Map<String, String> diffs = new LinkedHashMap<>();
        changes.forEach(change -> diffs.put(change.laneId(), change.diff()));
        for (Overlap overlap : overlaps) {
            reasons.add(reason("CONFLICT", overlap.path(), overlap.describe()));
            for (String laneId : List.of(overlap.firstLane(), overlap.secondLane())) {
                if (!involved.contains(laneId)) {
                    involved.add(laneId);
                }
            }
            laneReasons.merge(overlap.firstLane(), seen(overlap.describe(), overlap.secondLane(),
                    diffs.get(overlap.secondLane())), (a, b) -> a + "\n" + b);
            laneReasons.merge(overlap.secondLane(), seen(overlap.describe(), overlap.firstLane(),
                    diffs.get(overlap.firstLane())), (a, b) -> a + "\n" + b);
        }
        List<String> ordered = changes.stream().map(LaneChange::laneId).filter(involved::contains).toList();
        return failed(ordered, reasons, laneReasons, "", List.of());
    }

    private LaneOutcome failed(List<String> lanes, List<Reason> reasons, Map<String, String> laneReasons, String treeId,
                               List<EvidenceRef> receipts) {
        IntegrationTask job = lane.task().getIntegration();
        IntegrationFailed failed = IntegrationFailed.newBuilder().setRound(job.getRound())
                .setVerdictEventId(job.getVerdictEventId()).setLanes(lanes).setReasons(reasons)
                .setLaneReasons(laneReasons.entrySet().stream().map(e -> new KeyValue(e.getKey(), bounded(e.getValue())))
                        .toList())
                .setTreeId(treeId).setTestReceipts(receipts).build();
        lane.view().append(lane.events().terminal(failed));
        return LaneOutcome.accept("integration of " + lane.missionId() + " round " + job.getRound() + " failed: "
                + reasons.get(0).getMessage());
    }

    /**
     * Each lane's transitive predecessors in the plan the task names (its PlanIssued on the blackboard):
     * a lane may change what a lane it builds on changed.
     */
    private Map<String, Set<String>> ancestry() {
        return lane.view().events().stream().map(BlackboardEvent::getPayload).filter(PlanIssued.class::isInstance)
                .map(issued -> ((PlanIssued) issued).getPlan())
                .filter(plan -> plan.getPlanId().equals(lane.task().getPlanId())).findFirst()
                .map(plan -> LaneAncestry.of(plan.getLanes())).orElse(Map.of());
    }

    /** The refused lane and the earlier lanes whose changes touch one of its files, in plan order. */
    private static List<String> sharingFiles(List<LaneChange> changes, String refusedLane) {
        LaneChange refused = changes.stream().filter(c -> c.laneId().equals(refusedLane)).findFirst().orElseThrow();
        var files = ChangedLines.of(refused.diff()).keySet();
        List<String> lanes = new ArrayList<>();
        for (LaneChange change : changes) {
            if (change == refused || ChangedLines.of(change.diff()).keySet().stream().anyMatch(files::contains)) {
                lanes.add(change.laneId());
            }
            if (change == refused) {
                break;
            }
        }
        return lanes;
    }

    /** Per involved lane: the reason and the other involved lanes' changes, bounded. */
    private static Map<String, String> otherChanges(List<LaneChange> changes, List<String> involved, String why) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String laneId : involved) {
            StringBuilder text = new StringBuilder("integration: " + why);
            changes.stream().filter(c -> involved.contains(c.laneId()) && !c.laneId().equals(laneId))
                    .forEach(c -> text.append("\n").append(seen("", c.laneId(), c.diff()).strip()));
            reasons.put(laneId, text.toString());
        }
        return reasons;
    }

    private static String seen(String why, String otherLane, String diff) {
        String shown = diff.length() > SHOWN_DIFF_CHARS ? diff.substring(0, SHOWN_DIFF_CHARS) + "\n[… "
                + (diff.length() - SHOWN_DIFF_CHARS) + " more characters in lane " + otherLane + "'s yield]" : diff;
        return (why.isEmpty() ? "" : "integration: " + why + "\n") + "lane " + otherLane + " changed:\n" + shown;
    }

    private static String bounded(String text) {
        return text.length() <= LANE_REASON_CHARS ? text : text.substring(0, LANE_REASON_CHARS) + "\n[… "
                + (text.length() - LANE_REASON_CHARS) + " more characters: see the lanes' yields]";
    }

    private static String tail(String output) {
        String trimmed = output.strip();
        return trimmed.length() > 500 ? "…" + trimmed.substring(trimmed.length() - 500) : trimmed;
    }

    private static List<String> lanesOf(IntegrationTask job) {
        return job.getYields().stream().map(EvidenceRef::getLabel).toList();
    }

    private static Reason reason(String code, String field, String message) {
        return new Reason(code, field, message, List.of());
    }
}
