package dev.swarmboard.digest.report;

import dev.swarmboard.blackboard.Events;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EvidenceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbered evidence for a report: each distinct (event id, content hash) becomes E1, E2 … in order
 * of first citation, labelled with the claim it was first cited for. Claims cite as {@code [E3]}.
 */
final class Citations {

    private final Map<String, EvidenceRef> refs = new LinkedHashMap<>();

    /** Cites the event for the claim; returns the marker to put after the claim. */
    String cite(BlackboardEvent event, String claim) {
        return cite(Events.ref(event, claim));
    }

    /** Cites a reference (an artifact or evidence ref a yield carries). */
    String cite(EvidenceRef ref) {
        String key = ref.getEventId() + "|" + ref.getContentHash();
        EvidenceRef numbered = refs.computeIfAbsent(key, k -> new EvidenceRef(ref.getEventId(), ref.getContentHash(),
                marker(refs.size() + 1) + ": " + ref.getLabel()));
        return "[" + numbered.getLabel().substring(0, numbered.getLabel().indexOf(':')) + "]";
    }

    static String marker(int number) {
        return "E" + number;
    }

    List<EvidenceRef> refs() {
        return new ArrayList<>(refs.values());
    }
}
