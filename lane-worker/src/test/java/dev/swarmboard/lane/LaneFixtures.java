package dev.swarmboard.lane;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.lane.run.LaneEvents;
import dev.swarmboard.lane.validation.ArtifactsPresent;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.ToolReceipt;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Tasks and receipts for lane-worker tests, built the way the worker builds them. */
public final class LaneFixtures {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    public static final List<String> PREY_ARTIFACTS = List.of("perception_snapshot", "react_plan", "engage_report");

    private LaneFixtures() {
    }

    /** The test registry: models {@code fast} (default role) and {@code wise} (judge), tools unit-tests, failing-tests, echo. */
    public static CapabilityRegistry registry() {
        return CapabilityRegistry.load(resource("/lane/capabilities.yaml"));
    }

    public static Path resource(String name) {
        try {
            return Path.of(LaneFixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PlannedLane.Builder lane(String laneId) {
        return PlannedLane.newBuilder().setLaneId(laneId).setObjective("Survey " + laneId).setRole("engineer")
                .setScope(List.of("src/a", "src/b")).setTools(List.of()).setStages(List.of())
                .setRequiredArtifacts(PREY_ARTIFACTS).setRequireTestsGreen(false);
    }

    public static RunLane.Builder task(String missionId, PlannedLane lane) {
        return RunLane.newBuilder().setTaskId(missionId + "/" + lane.getLaneId() + "/1").setMissionId(missionId)
                .setPlanId("plan-1").setAttempt(1).setGoal("Make the build green").setLane(lane)
                .setScope(lane.getScope()).setIssuedAt(CLOCK.instant());
    }

    public static RunLane task(String laneId) {
        return task("m-1", lane(laneId).build()).build();
    }

    public static LaneEvents events(RunLane task) {
        return new LaneEvents(task, "test-worker", CLOCK);
    }

    /** A receipt of a single-model stage carrying the artifact. */
    public static BlackboardEvent artifact(RunLane task, String stage, String artifact, String output) {
        return events(task).event(stageCompleted(stage, "SINGLE", 0, artifact, output).build(), stage, "SINGLE", 0);
    }

    public static StageCompleted.Builder stageCompleted(String stage, String kind, int index, String artifact,
                                                        String output) {
        return StageCompleted.newBuilder().setStage(stage).setRole(stage).setKind(kind).setProposalIndex(index)
                .setProvider("scripted").setModel("scripted").setModelKey("offline").setPromptHash("p")
                .setArtifact(artifact).setOutput(output).setOutputHash(ArtifactsPresent.outputHash(output))
                .setTokensIn(10).setTokensOut(20).setCostUsd(0.5).setContext(ContextStrategy.FRESH);
    }

    public static BlackboardEvent tool(RunLane task, String stage, String tool, int exitCode, boolean testsTool) {
        ToolReceipt receipt = ToolReceipt.newBuilder().setStage(stage).setTool(tool).setExitCode(exitCode)
                .setDurationMs(5).setOutput("ran " + tool).setOutputHash(ArtifactsPresent.outputHash("ran " + tool))
                .setTestsTool(testsTool).build();
        return events(task).event(receipt, stage, tool, 0);
    }

    /** The three PREY artifact receipts with the given outputs. */
    public static List<BlackboardEvent> prey(RunLane task, String perception, String plan, String report) {
        return List.of(artifact(task, "perceive", "perception_snapshot", perception),
                artifact(task, "react", "react_plan", plan),
                artifact(task, "engage", "engage_report", report));
    }

    /** The three PREY artifacts with clean YAML. */
    public static List<BlackboardEvent> cleanPrey(RunLane task) {
        return prey(task, "perception_snapshot:\n  summary: fine\n", "react_plan:\n  steps: [one]\n",
                "engage_report:\n  done: [one]\n");
    }
}
