package dev.swarmboard.verifier.bench;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.codec.ContentHash;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.event.LaneStarted;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.RetryScheduled;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.ToolReceipt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * The events of a mission as the orchestrator and lane workers write them: a plan whose lanes each
 * require the three PREY artifacts and green tests, and per lane attempt a LaneStarted, three stage
 * receipts, a test-runner receipt and a LaneYielded citing them. Ids are deterministic like the lane
 * worker's, and each event occurs one millisecond after the previous one.
 */
public final class SyntheticMission {

    public static final List<String> ARTIFACTS = List.of("perception_snapshot", "react_plan", "engage_report");
    public static final String TEST_TOOL = "unit-tests";
    public static final String PLAN_PRODUCER = "orchestrator";
    public static final String LANE_PRODUCER = "lane-worker";

    private final String missionId;
    private final Plan plan;
    private Instant clock;

    public SyntheticMission(String missionId, List<String> laneIds, Instant start, Duration deadlineIn) {
        this.missionId = missionId;
        this.clock = start;
        this.plan = Plan.newBuilder()
                .setPlanId("plan-" + missionId)
                .setLanes(laneIds.stream().map(SyntheticMission::plannedLane).toList())
                .setDeadline(start.plus(deadlineIn))
                .setTokenBudget(1_000_000L)
                .setCostBudgetUsd(10.0)
                .build();
    }

    private static PlannedLane plannedLane(String laneId) {
        return PlannedLane.newBuilder()
                .setLaneId(laneId)
                .setObjective("review " + laneId)
                .setRole("engage")
                .setScope(List.of("src/" + laneId))
                .setTools(List.of(TEST_TOOL))
                .setRequiredArtifacts(ARTIFACTS)
                .setRequireTestsGreen(true)
                .build();
    }

    public String missionId() {
        return missionId;
    }

    public Plan plan() {
        return plan;
    }

    public BlackboardEvent planIssued() {
        return planIssued(plan);
    }

    public BlackboardEvent planIssued(Plan issued) {
        return event(EventOrigin.mission(missionId, PLAN_PRODUCER),
                new PlanIssued(issued, issued.getLanes().stream().map(PlannedLane::getLaneId).toList(), 1),
                missionId, "PlanIssued", issued.getPlanId());
    }

    public BlackboardEvent retry(int round, List<String> lanes) {
        return event(EventOrigin.mission(missionId, PLAN_PRODUCER),
                RetryScheduled.newBuilder().setRound(round).setLanes(lanes).build(),
                missionId, "RetryScheduled", Integer.toString(round));
    }

    /** One lane attempt, the LaneYielded last; a failing attempt's placeholder scan fails. */
    public List<BlackboardEvent> laneAttempt(String laneId, int attempt, boolean passing) {
        EventOrigin origin = new EventOrigin(missionId, laneId, attempt, LANE_PRODUCER, null, null);
        List<BlackboardEvent> events = new ArrayList<>();
        events.add(laneEvent(origin, new LaneStarted(LANE_PRODUCER + "-1", 1, List.of("src/" + laneId), ""), "started"));
        List<EvidenceRef> artifacts = new ArrayList<>();
        for (String artifact : ARTIFACTS) {
            BlackboardEvent receipt = laneEvent(origin, stage(laneId, attempt, artifact), artifact);
            events.add(receipt);
            artifacts.add(Events.ref(receipt, artifact));
        }
        BlackboardEvent tests = laneEvent(origin, testRun(laneId), "tests");
        events.add(tests);
        events.add(laneEvent(origin, yielded(laneId, passing, artifacts, List.of(Events.ref(tests, "tests_green"))),
                "yield"));
        return events;
    }

    private static StageCompleted stage(String laneId, int attempt, String artifact) {
        String output = artifact + " of " + laneId + " attempt " + attempt;
        return StageCompleted.newBuilder()
                .setStage(artifact.substring(0, artifact.indexOf('_')))
                .setRole("engage").setProvider("scripted").setModel("scripted/offline")
                .setPromptHash(ContentHash.sha256Hex(("prompt " + output).getBytes(StandardCharsets.UTF_8)))
                .setArtifact(artifact).setOutput(output)
                .setOutputHash(ContentHash.sha256Hex(output.getBytes(StandardCharsets.UTF_8)))
                .setTokensIn(100).setTokensOut(50).setCostUsd(0.001)
                .build();
    }

    private static ToolReceipt testRun(String laneId) {
        String output = "tests of " + laneId + ": ok";
        return ToolReceipt.newBuilder()
                .setStage("engage").setTool(TEST_TOOL).setExitCode(0).setDurationMs(10).setOutput(output)
                .setOutputHash(ContentHash.sha256Hex(output.getBytes(StandardCharsets.UTF_8))).setTestsTool(true)
                .build();
    }

    private static LaneYielded yielded(String laneId, boolean passing, List<EvidenceRef> artifacts,
                                       List<EvidenceRef> evidence) {
        List<CheckResult> checks = List.of(
                new CheckResult("artifacts_present", true, ""),
                new CheckResult("line_count", true, ""),
                new CheckResult("placeholder_scan", passing, passing ? "" : "TODO at engage_report line 3"),
                new CheckResult("tests_green", true, ""),
                new CheckResult("evidence_refs", true, ""));
        return LaneYielded.newBuilder()
                .setPassed(passing).setChecks(checks).setArtifacts(artifacts).setEvidenceRefs(evidence)
                .setTokensUsed(450).setCostUsd(0.003).setScope(List.of("src/" + laneId)).setTools(List.of(TEST_TOOL))
                .build();
    }

    private BlackboardEvent laneEvent(EventOrigin origin, SpecificRecord payload, String step) {
        return event(origin, payload, missionId, origin.laneId(), Integer.toString(origin.attempt()),
                Events.typeOf(payload), step);
    }

    private BlackboardEvent event(EventOrigin origin, SpecificRecord payload, String... idParts) {
        clock = clock.plusMillis(1);
        return Events.create(origin, payload, clock, idParts);
    }
}
