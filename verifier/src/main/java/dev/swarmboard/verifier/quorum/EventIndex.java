package dev.swarmboard.verifier.quorum;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EventHeader;
import dev.swarmboard.schema.EvidenceRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which event ids a mission has seen and the content hash each had first, so evidence references
 * can be resolved and duplicates recognised; and the anomalies found on the way. The first event of
 * an id in log order counts; a later copy is a duplicate, and a copy with other content an anomaly.
 */
public final class EventIndex {

    private final Map<String, String> contentHashes;
    private final List<Anomaly> anomalies;

    public EventIndex() {
        this(new LinkedHashMap<>(), new ArrayList<>());
    }

    public EventIndex(Map<String, String> contentHashes, List<Anomaly> anomalies) {
        this.contentHashes = new LinkedHashMap<>(contentHashes);
        this.anomalies = new ArrayList<>(anomalies);
    }

    /** Records the event; false when its id was seen before (a duplicate, to be ignored). */
    boolean firstSeen(BlackboardEvent event) {
        EventHeader header = event.getHeader();
        String known = contentHashes.putIfAbsent(header.getEventId(), header.getContentHash());
        if (known == null) {
            return true;
        }
        if (!known.equals(header.getContentHash())) {
            note(Anomaly.Kind.CONFLICTING_DUPLICATE, header);
        }
        return false;
    }

    void receiptAfterYield(BlackboardEvent receipt) {
        note(Anomaly.Kind.RECEIPT_AFTER_YIELD, receipt.getHeader());
    }

    private void note(Anomaly.Kind kind, EventHeader header) {
        anomalies.add(new Anomaly(kind, header.getEventId(), header.getType(), header.getLaneId(),
                header.getAttempt()));
    }

    /** Why a reference does not hold, or empty when its event was seen with exactly that hash. */
    public Optional<String> unresolved(EvidenceRef ref) {
        String recorded = contentHashes.get(ref.getEventId());
        if (recorded == null) {
            return Optional.of("does not resolve to any event of the mission");
        }
        if (!Objects.equals(recorded, ref.getContentHash())) {
            return Optional.of("has hash " + Hashes.abbreviate(ref.getContentHash()) + " but the event has "
                    + Hashes.abbreviate(recorded));
        }
        return Optional.empty();
    }

    public Map<String, String> contentHashes() {
        return Collections.unmodifiableMap(contentHashes);
    }

    public List<Anomaly> anomalies() {
        return Collections.unmodifiableList(anomalies);
    }
}
