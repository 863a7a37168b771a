package dev.swarmboard.blackboard;

import dev.swarmboard.codec.ContentHash;
import dev.swarmboard.codec.EnvelopeBytes;
import dev.swarmboard.codec.SchemaRegistry;
import dev.swarmboard.codec.StoredPayload;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EventHeader;
import dev.swarmboard.schema.EvidenceRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds blackboard envelopes: the header is filled from the origin, the payload's type name and
 * the payload's content hash, so no caller computes a hash by hand.
 */
public final class Events {

    private Events() {
    }

    /** An envelope with a deterministic id derived from the given parts (see {@link #deterministicId}). */
    public static BlackboardEvent create(EventOrigin origin, SpecificRecord payload, Instant at, String... idParts) {
        String eventId = idParts.length == 0 ? UUID.randomUUID().toString() : deterministicId(idParts);
        return create(eventId, origin, payload, at);
    }

    public static BlackboardEvent create(String eventId, EventOrigin origin, SpecificRecord payload, Instant at) {
        return BlackboardEvent.newBuilder().setHeader(header(eventId, origin, payload, at, ContentHash.of(payload)))
                .setPayload(payload).build();
    }

    /**
     * An envelope and its stored bytes, the payload encoded once: its bytes are hashed for the header
     * and become the tail of the envelope ({@link EnvelopeBytes}). Writers on the hot path use this.
     */
    public static EncodedEvent encode(EventOrigin origin, SpecificRecord payload, Instant at, String... idParts) {
        String eventId = idParts.length == 0 ? UUID.randomUUID().toString() : deterministicId(idParts);
        EnvelopeBytes.Envelope envelope = EnvelopeBytes.encode(payload,
                contentHash -> header(eventId, origin, payload, at, contentHash));
        BlackboardEvent event = BlackboardEvent.newBuilder().setHeader(envelope.header()).setPayload(payload).build();
        return new EncodedEvent(event, envelope.bytes());
    }

    /** The stored bytes of an envelope built elsewhere; the payload is encoded once, its hash is not recomputed. */
    public static EncodedEvent encode(BlackboardEvent event) {
        SpecificRecord payload = (SpecificRecord) event.getPayload();
        return new EncodedEvent(event, EnvelopeBytes.envelope(event.getHeader(), payload));
    }

    /** The header of an envelope: the one place its fields are filled from the origin and the payload. */
    public static EventHeader header(String eventId, EventOrigin origin, SpecificRecord payload, Instant at,
                                     String contentHash) {
        return EventHeader.newBuilder()
                .setEventId(eventId)
                .setMissionId(origin.missionId())
                .setLaneId(origin.laneId())
                .setAttempt(origin.attempt())
                .setType(typeOf(payload))
                .setOccurredAt(at)
                .setProducer(origin.producer())
                .setContentHash(contentHash)
                .setCausationId(origin.causationId())
                .setTraceparent(origin.traceparent())
                .build();
    }

    /**
     * The same envelope (id, origin, payload, time) rebuilt through {@link #create} with another traceparent: for a
     * shell that decides on an event in a pure fold and learns its span only afterwards (the verifier).
     */
    public static BlackboardEvent withTraceparent(BlackboardEvent event, String traceparent) {
        EventHeader header = event.getHeader();
        EventOrigin origin = new EventOrigin(header.getMissionId(), header.getLaneId(), header.getAttempt(),
                header.getProducer(), header.getCausationId(), traceparent);
        return create(header.getEventId(), origin, (SpecificRecord) event.getPayload(), header.getOccurredAt());
    }

    /**
     * A name-based UUID of the joined parts. Writers derive ids from (mission, lane, attempt, step),
     * so a retried write of the same fact carries the same id and is recognisable as a duplicate.
     */
    public static String deterministicId(String... parts) {
        return NameUuid.of(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The payload's record name, e.g. {@code LaneYielded}. */
    public static String typeOf(Object payload) {
        return ((SpecificRecord) payload).getSchema().getName();
    }

    /** The evidence reference of an event: its id and content hash. */
    public static EvidenceRef ref(BlackboardEvent event, String label) {
        return new EvidenceRef(event.getHeader().getEventId(), event.getHeader().getContentHash(), label);
    }

    /**
     * Whether the stored payload bytes hash to the content hash in the header: no re-encoding, and an
     * event of an older or newer writer hashes as it was written.
     */
    public static boolean hashIntact(RecordedEvent recorded, SchemaRegistry registry) {
        return StoredPayload.matches(recorded.value(), registry, recorded.event().getHeader().getContentHash());
    }

    /** Whether the payload still hashes to the content hash in its header. */
    public static boolean hashIntact(BlackboardEvent event) {
        return ContentHash.of((SpecificRecord) event.getPayload()).equals(event.getHeader().getContentHash());
    }
}
