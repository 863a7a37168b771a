package dev.swarmboard.cli.bench;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.StageCompleted;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Realistic blackboard events for benchmarks: stage receipts carrying an artifact of a chosen size
 * and a lane yield with its six checks, as a lane worker writes them.
 */
public final class BenchEvents {

    private BenchEvents() {
    }

    /** A StageCompleted receipt whose whole envelope is close to {@code approxBytes} on the wire. */
    public static BlackboardEvent stageReceipt(String missionId, String laneId, int index, int approxBytes) {
        return stageReceipt(missionId, laneId, index, approxBytes, () -> 'x');
    }

    /** The same, with the artifact's filler characters drawn from {@code filler}. */
    public static BlackboardEvent stageReceipt(String missionId, String laneId, int index, int approxBytes,
                                               Supplier<Character> filler) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.max(0, approxBytes - 420); i++) {
            text.append(filler.get());
        }
        String output = "engage_report:\n  summary: " + text + "\n";
        StageCompleted payload = StageCompleted.newBuilder()
                .setStage("engage").setRole("engage").setKind("SINGLE").setProposalIndex(0)
                .setProvider("scripted").setModel("openai/gpt-oss-120b").setModelKey("default")
                .setPromptHash("9f".repeat(32)).setArtifact("engage_report").setOutput(output)
                .setOutputHash("ab".repeat(32)).setTokensIn(812).setTokensOut(430).setCostUsd(0.00042)
                .setLatencyMs(200).setFlags(List.of()).setContext(ContextStrategy.SCOPED)
                .setContextRefs(List.of())
                .build();
        EventOrigin origin = new EventOrigin(missionId, laneId, 1, "bench", null, null);
        return Events.create(origin, payload, Instant.ofEpochMilli(1_700_000_000_000L + index),
                missionId, laneId, "StageCompleted", Integer.toString(index));
    }

    /** A LaneYielded with all six checks passed and three artifact refs. */
    public static BlackboardEvent laneYield(String missionId, String laneId) {
        List<CheckResult> checks = List.of("artifacts_present", "line_count", "placeholder_scan", "tests_green",
                "policy_checks", "evidence_refs").stream().map(name -> new CheckResult(name, true, "ok")).toList();
        List<EvidenceRef> artifacts = List.of("perception_snapshot", "react_plan", "engage_report").stream()
                .map(name -> new EvidenceRef(Events.deterministicId(missionId, laneId, name), "cd".repeat(32), name))
                .toList();
        LaneYielded payload = LaneYielded.newBuilder().setPassed(true).setChecks(checks).setArtifacts(artifacts)
                .setEvidenceRefs(artifacts).setTokensUsed(3600).setCostUsd(0.0012).setScope(List.of("src/a"))
                .setTools(List.of()).build();
        return Events.create(new EventOrigin(missionId, laneId, 1, "bench", null, null), payload,
                Instant.ofEpochMilli(1_700_000_000_000L), missionId, laneId, "LaneYielded");
    }
}
