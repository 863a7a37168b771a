package dev.swarmboard.orchestrator.plan;

import dev.swarmboard.capability.YamlDocument;
import dev.swarmboard.capability.YamlMapping;
import dev.swarmboard.orchestrator.mission.LaneSpecReader;
import dev.swarmboard.orchestrator.mission.Locations;
import dev.swarmboard.orchestrator.validation.ReasonCode;
import dev.swarmboard.orchestrator.validation.Reasons;
import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.Reason;
import java.util.List;
import java.util.Optional;

/**
 * The lanes a planning lane proposed, read from its {@code lane_proposal} artifact: YAML with a
 * {@code lanes} list, optionally under a top-level {@code lane_proposal} key. Either lanes or the
 * reasons (with path and line) why the artifact is not a usable proposal.
 */
public record LaneProposal(List<LaneSpec> lanes, List<Reason> reasons) {

    public LaneProposal {
        lanes = List.copyOf(lanes);
        reasons = List.copyOf(reasons);
    }

    public boolean valid() {
        return reasons.isEmpty();
    }

    public static LaneProposal parse(String yaml) {
        YamlDocument document = YamlDocument.parse(yaml);
        Optional<YamlMapping> root = document.root();
        Optional<YamlMapping> body = root.flatMap(mapping -> mapping.has(OrchestrateLane.ARTIFACT)
                ? mapping.mapping(OrchestrateLane.ARTIFACT) : Optional.of(mapping));
        List<LaneSpec> lanes = body.flatMap(mapping -> mapping.required("lanes", mapping.mappings("lanes")))
                .map(LaneSpecReader::readAll).orElse(List.of());
        List<Reason> reasons = document.errors().stream()
                .map(error -> Locations.reason(ReasonCode.PROPOSAL_INVALID, error)).toList();
        if (reasons.isEmpty() && lanes.isEmpty()) {
            reasons = List.of(Reasons.of(ReasonCode.PROPOSAL_INVALID, "lanes", "the proposal lists no lanes"));
        }
        return new LaneProposal(reasons.isEmpty() ? lanes : List.of(), reasons);
    }

    /** A proposal that could not be found at all (no artifact, or one whose hash does not match). */
    public static LaneProposal missing(String why) {
        return new LaneProposal(List.of(),
                List.of(Reasons.of(ReasonCode.PROPOSAL_INVALID, OrchestrateLane.ARTIFACT, why)));
    }
}
