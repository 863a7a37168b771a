package dev.swarmboard.orchestrator.decision;

import dev.swarmboard.blackboard.Events;
import dev.swarmboard.orchestrator.plan.LaneProposal;
import dev.swarmboard.orchestrator.plan.OrchestrateLane;
import dev.swarmboard.orchestrator.state.MissionState;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.StageCompleted;
import java.util.Optional;

/**
 * Finds the planning lane's proposal: the StageCompleted receipt the yield cites as its
 * {@code lane_proposal} artifact (its content hash must match the citation and its payload), or,
 * when the yield cites none, the latest proposal receipt of that attempt.
 */
final class ProposalReceipts {

    private ProposalReceipts() {
    }

    static LaneProposal find(MissionState state, LaneYielded yielded, int attempt) {
        Optional<EvidenceRef> cited = yielded.getArtifacts().stream()
                .filter(ref -> OrchestrateLane.ARTIFACT.equals(ref.getLabel())).findFirst();
        Optional<BlackboardEvent> receipt = cited.isPresent()
                ? Optional.ofNullable(state.proposals().get(cited.get().getEventId()))
                .filter(event -> event.getHeader().getContentHash().equals(cited.get().getContentHash()))
                : state.proposals().values().stream().filter(event -> event.getHeader().getAttempt() == attempt)
                .filter(event -> OrchestrateLane.ARTIFACT.equals(((StageCompleted) event.getPayload()).getArtifact()))
                .reduce((first, second) -> second);
        if (receipt.isEmpty()) {
            return LaneProposal.missing(cited.map(ref -> "the cited receipt " + ref.getEventId()
                    + " with hash " + ref.getContentHash() + " is not on the blackboard")
                    .orElse("attempt " + attempt + " wrote no " + OrchestrateLane.ARTIFACT + " receipt"));
        }
        if (!Events.hashIntact(receipt.get())) {
            return LaneProposal.missing("receipt " + receipt.get().getHeader().getEventId()
                    + " does not match its content hash");
        }
        return LaneProposal.parse(((StageCompleted) receipt.get().getPayload()).getOutput());
    }
}
