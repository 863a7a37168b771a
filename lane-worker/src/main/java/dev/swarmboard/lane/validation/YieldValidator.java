package dev.swarmboard.lane.validation;

import dev.swarmboard.blackboard.Events;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.ToolReceipt;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Lane-level Yield: runs every check in a fixed order over the attempt's evidence and states the
 * outcome as a {@link LaneYielded}. Pure: the same evidence always yields the same payload, so a
 * replay (or a second worker after a crash) reaches the same verdict. Checks a lane's workflow declares
 * ({@code red_green}) follow the fixed ones.
 */
public final class YieldValidator {

    private static final List<YieldCheck> CHECKS = List.of(new ArtifactsPresent(), new LineCount(),
            new PlaceholderScan(), new TestsGreen(), new PolicyChecks(), new EvidenceRefs());

    private YieldValidator() {
    }

    public static LaneYielded validate(LaneEvidence evidence) {
        List<CheckResult> checks = new java.util.ArrayList<>(CHECKS.stream().map(check -> check.check(evidence)).toList());
        if (evidence.task().getLane().getChecks().contains(RedGreen.NAME)) {
            checks.add(new RedGreen().check(evidence));
        }
        List<EvidenceRef> artifacts = evidence.presentArtifacts().stream()
                .map(receipt -> Events.ref(receipt, LaneEvidence.stage(receipt).getArtifact())).toList();
        List<StageCompleted> stages = evidence.stageReceipts().stream().map(LaneEvidence::stage).toList();
        return LaneYielded.newBuilder()
                .setPassed(checks.stream().allMatch(CheckResult::getPassed))
                .setChecks(checks)
                .setArtifacts(artifacts)
                .setEvidenceRefs(EvidenceRefs.refs(evidence))
                .setTokensUsed(stages.stream().mapToLong(stage -> stage.getTokensIn() + stage.getTokensOut()).sum())
                .setCostUsd(stages.stream().mapToDouble(StageCompleted::getCostUsd).sum())
                .setScope(evidence.task().getScope())
                .setTools(List.copyOf(new LinkedHashSet<>(evidence.toolReceipts().stream()
                        .map(ToolReceipt::getTool).toList())))
                .build();
    }
}
