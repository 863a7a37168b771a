package dev.swarmboard.lane.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.ToolReceipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code evidence_refs}: every reference the yield carries resolves on the blackboard: an event of the
 * mission with that id whose content hash is the one cited and still matches its payload. The yield
 * carries a reference to each receipt of the attempt, plus every item of an artifact's
 * {@code evidence_refs} list: a mapping {@code {event_id, content_hash}} or a string
 * {@code "<event id>:<content hash>"}.
 */
public final class EvidenceRefs implements YieldCheck {

    public static final String NAME = "evidence_refs";
    private static final String EVENT_ID = "event_id";
    private static final String CONTENT_HASH = "content_hash";

    @Override
    public CheckResult check(LaneEvidence evidence) {
        Cited cited = cited(evidence);
        List<EvidenceRef> refs = refs(evidence);
        List<String> problems = new ArrayList<>(cited.malformed());
        for (EvidenceRef ref : refs) {
            unresolved(ref, evidence).ifPresent(problems::add);
        }
        return YieldCheck.of(NAME, problems, refs.size() + " ref(s) resolve to an event id and content hash");
    }

    /** The references a yield carries: each receipt of the attempt, then what the artifacts cite. */
    public static List<EvidenceRef> refs(LaneEvidence evidence) {
        List<EvidenceRef> refs = new ArrayList<>();
        for (BlackboardEvent event : evidence.attemptEvents()) {
            if (event.getPayload() instanceof StageCompleted || event.getPayload() instanceof ToolReceipt) {
                refs.add(Events.ref(event, Events.typeOf(event.getPayload())));
            }
        }
        refs.addAll(cited(evidence).refs());
        return refs;
    }

    private static Optional<String> unresolved(EvidenceRef ref, LaneEvidence evidence) {
        BlackboardEvent event = evidence.missionEvents().get(ref.getEventId());
        String where = ref.getLabel() + " " + ref.getEventId();
        if (event == null) {
            return Optional.of(where + ": no such event in the mission");
        }
        if (!event.getHeader().getContentHash().equals(ref.getContentHash())) {
            return Optional.of(where + ": content hash " + ref.getContentHash() + " is not the event's "
                    + event.getHeader().getContentHash());
        }
        if (!Events.hashIntact(event)) {
            return Optional.of(where + ": the event no longer hashes to its content hash");
        }
        return Optional.empty();
    }

    private static Cited cited(LaneEvidence evidence) {
        List<EvidenceRef> refs = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        for (BlackboardEvent receipt : evidence.presentArtifacts()) {
            StageCompleted stage = LaneEvidence.stage(receipt);
            String label = stage.getArtifact() + " cites";
            ArtifactYaml.parse(stage.getOutput()).tree().ifPresent(tree -> {
                for (JsonNode item : ArtifactYaml.citedEvidence(tree)) {
                    EvidenceRef ref = toRef(item, label);
                    if (ref == null) {
                        malformed.add(label + " " + item + ": not {event_id, content_hash} nor \"id:hash\"");
                    } else {
                        refs.add(ref);
                    }
                }
            });
        }
        return new Cited(refs, malformed);
    }

    private static EvidenceRef toRef(JsonNode item, String label) {
        if (item.isObject() && item.path(EVENT_ID).isTextual() && item.path(CONTENT_HASH).isTextual()) {
            return new EvidenceRef(item.get(EVENT_ID).asText(), item.get(CONTENT_HASH).asText(), label);
        }
        if (item.isTextual()) {
            String[] parts = item.asText().split(":", -1);
            if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()) {
                return new EvidenceRef(parts[0].strip(), parts[1].strip(), label);
            }
        }
        return null;
    }

    private record Cited(List<EvidenceRef> refs, List<String> malformed) {
    }
}
