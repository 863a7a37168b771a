package dev.swarmboard.orchestrator.decision;

import dev.swarmboard.blackboard.Events;
import dev.swarmboard.orchestrator.plan.OrchestrateLane;
import dev.swarmboard.orchestrator.state.MissionState;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.MissionArtifact;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.StageCompleted;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The artifacts of the mission-level phases that the planning lane's passing yield cites (all but the
 * lane proposal itself), each from its hash-intact receipt, so the plan's lanes can read them as input
 * {@code mission.<phase>}. A cited receipt that is missing or does not match its hash is left out,
 * and a lane that needs it fails its preflight naming the input.
 */
final class MissionArtifacts {

    private MissionArtifacts() {
    }

    static List<MissionArtifact> of(MissionState state, LaneYielded yielded) {
        List<MissionArtifact> artifacts = new ArrayList<>();
        for (EvidenceRef cited : yielded.getArtifacts()) {
            if (OrchestrateLane.ARTIFACT.equals(cited.getLabel())) {
                continue;
            }
            Optional.ofNullable(state.proposals().get(cited.getEventId()))
                    .filter(event -> event.getHeader().getContentHash().equals(cited.getContentHash()))
                    .filter(Events::hashIntact)
                    .map(MissionArtifacts::artifact)
                    .ifPresent(artifacts::add);
        }
        return artifacts;
    }

    private static MissionArtifact artifact(BlackboardEvent receipt) {
        StageCompleted stage = (StageCompleted) receipt.getPayload();
        return new MissionArtifact(stage.getStage(), stage.getArtifact(), Events.ref(receipt, stage.getArtifact()),
                stage.getOutput());
    }
}
