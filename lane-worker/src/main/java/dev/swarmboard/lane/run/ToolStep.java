package dev.swarmboard.lane.run;

import dev.swarmboard.capability.ToolSpec;
import dev.swarmboard.lane.stage.ResolvedStage;
import dev.swarmboard.lane.workspace.LaneDirectories;
import dev.swarmboard.lane.tool.ToolOutcome;
import dev.swarmboard.lane.tool.ToolRejected;
import dev.swarmboard.lane.tool.ToolResult;
import dev.swarmboard.lane.tool.ToolRunner;
import dev.swarmboard.lane.workspace.Checkout;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.ToolReceipt;
import dev.swarmboard.telemetry.Hop;
import dev.swarmboard.telemetry.Tracing;
import io.opentelemetry.api.trace.SpanKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a stage's tools after its model calls (and its change), in the attempt's checkout when the lane has
 * a repository (the receipt names the tree), else in this run's fresh lane directory
 * ({@link LaneDirectories#createFresh}, made at the first tool run),
 * each with the arguments its artifact gives (see {@link ToolArgs}), and writes a ToolReceipt per run. A
 * run already receipted is not repeated. A run the tool runner refuses fails the lane.
 */
final class ToolStep {

    private final LaneScope lane;
    private final ToolRunner runner;
    private final Path workspaceRoot;
    private final Optional<Checkout> checkout;
    private final Tracing tracing;
    private Path workspace;

    ToolStep(LaneScope lane, ToolRunner runner, Path workspaceRoot, Optional<Checkout> checkout, Tracing tracing) {
        this.lane = lane;
        this.runner = runner;
        this.workspaceRoot = workspaceRoot;
        this.checkout = checkout;
        this.tracing = tracing;
    }

    void run(ResolvedStage stage, BlackboardEvent artifactReceipt) throws LaneFailure, InterruptedException {
        String artifact = ((StageCompleted) artifactReceipt.getPayload()).getOutput();
        List<String> tools = stage.tools();
        for (int i = 0; i < tools.size(); i++) {
            String tool = tools.get(i);
            if (lane.view().find(lane.events().id("ToolReceipt", stage.name(), tool, i)).isEmpty()) {
                runOne(stage.name(), tool, i, ToolArgs.of(artifact, tool));
            }
        }
    }

    /** Runs one tool (unless already receipted) with no arguments, as the integration's tests do; its receipt. */
    BlackboardEvent runOnce(String stage, String tool, int index) throws LaneFailure, InterruptedException {
        String id = lane.events().id("ToolReceipt", stage, tool, index);
        Optional<BlackboardEvent> receipted = lane.view().find(id);
        if (receipted.isPresent()) {
            return receipted.get();
        }
        runOne(stage, tool, index, Map.of());
        return lane.view().find(id).orElseThrow();
    }

    private void runOne(String stage, String tool, int index, Map<String, String> args)
            throws LaneFailure, InterruptedException {
        Optional<ToolSpec> known = lane.registry().tool(tool);
        if (known.isEmpty()) {
            throw LaneFailure.of(stage, "TOOL_REJECTED", "stages." + stage + ".tools[" + index + "]",
                    "tool " + tool + " is not in this worker's registry", List.of());
        }
        ToolSpec spec = known.get();
        // a lane with a repository runs its tools in its checkout, at the tree the receipt names
        Path directory = checkout.isPresent() ? checkout.get().dir() : workspace(stage);
        lane.view().flush();
        ToolOutcome outcome;
        try (Hop hop = tracing.start("tool " + tool, SpanKind.INTERNAL, lane.events().traceparent())
                .set(Hop.MISSION, lane.missionId()).set(Hop.LANE, lane.laneId()).set(Hop.STAGE, stage)) {
            outcome = runner.run(spec, args, directory);
            if (outcome instanceof ToolResult result) {
                hop.set("process.exit.code", result.exitCode());
            } else {
                hop.fail("tool_rejected", ((ToolRejected) outcome).reason());
            }
        }
        if (outcome instanceof ToolRejected rejected) {
            throw LaneFailure.of(stage, "TOOL_REJECTED", "stages." + stage + ".tools[" + index + "]",
                    rejected.reason(), List.of());
        }
        ToolResult result = (ToolResult) outcome;
        ToolReceipt receipt = ToolReceipt.newBuilder()
                .setStage(stage)
                .setTool(tool)
                .setArgs(args.entrySet().stream().map(arg -> arg.getKey() + "=" + arg.getValue()).toList())
                .setExitCode(result.exitCode())
                .setDurationMs(result.durationMs())
                .setTimedOut(result.timedOut())
                .setOutput(result.output())
                .setOutputTruncated(result.truncated())
                .setOutputHash(result.outputHash())
                .setTestsTool(spec.tests())
                .setTreeId(checkout.map(Checkout::treeId).orElse(""))
                .build();
        lane.view().hold(lane.events().event(receipt, stage, tool, index));
    }

    private Path workspace(String stage) throws LaneFailure {
        if (workspace == null) {
            try {
                workspace = LaneDirectories.createFresh(workspaceRoot, lane.missionId(), lane.laneId(),
                        lane.task().getAttempt());
            } catch (IOException e) {
                throw LaneFailure.of(stage, "TOOL_REJECTED", "workspace", "cannot create the lane directory: "
                        + e.getMessage(), List.of());
            }
        }
        return workspace;
    }
}
