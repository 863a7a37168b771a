package dev.swarmboard.cli.audit;

import dev.swarmboard.digest.publish.AuditOutcome;
import dev.swarmboard.digest.publish.DigestDecision;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.blackboard.HeadHash;
import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.blackboard.UndecodableRecord;
import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.SchemaRegistry;
import dev.swarmboard.deadletter.UnreadableRecord;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EventHeader;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.verifier.quorum.QuorumReplay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit of one mission as a pure function of its log: every content hash re-checked, the head
 * hash recomputed, every verdict re-derived with the verifier's own code and compared byte for byte
 * with the recorded one, every digest checked against a PASS verdict and its head. Undecodable bytes
 * under the mission's key are foreign records, listed apart: they fail nothing, since no service
 * took them for a fact. An event whose header names another mission, a fact the trust file refuses
 * (its signature missing, wrong, or by a key not allowed for its type: a forgery no service counted)
 * and a record the client cannot read at all are divergences. A recorded verdict is compared with
 * the re-derived one carrying the recorded signature, whose validity the trust file decides. For a workspace mission the code is replayed too ({@link CodeReplay}:
 * git in a temporary clone). No model is called, no tool is run and nothing is written.
 */
public final class MissionAudit {

    private MissionAudit() {
    }

    /**
     * @param asOf only events that occurred at or before this instant, or null for all
     */
    public static AuditReport audit(MissionLog log, AvroCodec<BlackboardEvent> codec, Instant asOf) {
        List<RecordedEvent> events = log.events().stream()
                .filter(event -> asOf == null || !event.event().getHeader().getOccurredAt().isAfter(asOf)).toList();
        List<AuditReport.Divergence> divergences = new ArrayList<>();
        List<AuditReport.ForeignRecord> foreign = new ArrayList<>();
        for (UndecodableRecord record : log.undecodable()) {
            if (record.misattributed()) {
                divergences.add(new AuditReport.Divergence(record.coordinates(), null, "event under this mission's key: "
                        + record.error()));
            } else if (record.untrusted()) {
                divergences.add(new AuditReport.Divergence(record.coordinates(), null, "untrusted fact: "
                        + record.error()));
            } else {
                foreign.add(new AuditReport.ForeignRecord(record.coordinates(), record.error(), List.of()));
            }
        }
        for (UnreadableRecord record : log.unreadable()) {
            divergences.add(new AuditReport.Divergence(record.coordinates(), null, "record cannot be read (its key, "
                    + "so whether it was this mission's, is unknown): " + record.reason()));
        }
        List<HeadHash> heads = checkEvents(events, codec.registry(), divergences);
        checkVerdicts(events, heads, codec, asOf != null, divergences);
        checkDigests(events, heads, divergences);
        divergences.addAll(CodeReplay.replay(events));
        divergences.sort((a, b) -> Integer.compare(position(events, a), position(events, b)));
        HeadHash head = heads.isEmpty() ? HeadHash.GENESIS : heads.get(heads.size() - 1);
        return new AuditReport(log.missionId(), asOf, events, head, divergences, foreign);
    }

    /**
     * Content hashes (of the stored payload bytes, checked in parallel) and duplicate ids; returns the
     * head after each event.
     */
    private static List<HeadHash> checkEvents(List<RecordedEvent> events, SchemaRegistry registry,
                                              List<AuditReport.Divergence> divergences) {
        List<Boolean> intact = events.parallelStream().map(recorded -> Events.hashIntact(recorded, registry)).toList();
        Map<String, RecordedEvent> firstById = new HashMap<>();
        List<HeadHash> heads = new ArrayList<>();
        HeadHash head = HeadHash.GENESIS;
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent recorded = events.get(i);
            head = head.next(recorded.value());
            heads.add(head);
            if (!intact.get(i)) {
                divergences.add(diverged(recorded, "payload does not hash to its header's content hash "
                        + recorded.event().getHeader().getContentHash()));
            }
            RecordedEvent first = firstById.putIfAbsent(recorded.eventId(), recorded);
            // A copy with the same id and content (a re-delivered lane rewriting its receipt) is a
            // recognisable duplicate; the same id with other content is a conflict.
            if (first != null
                    && !first.event().getHeader().getContentHash().equals(recorded.event().getHeader().getContentHash())) {
                divergences.add(diverged(recorded, "event id already used at " + first.coordinates()
                        + " with different content"));
            }
        }
        return heads;
    }

    private static void checkVerdicts(List<RecordedEvent> events, List<HeadHash> heads, AvroCodec<BlackboardEvent> codec,
                                      boolean cut, List<AuditReport.Divergence> divergences) {
        Map<String, BlackboardEvent> derived = new LinkedHashMap<>();
        QuorumReplay.verdicts(events).forEach(verdict -> derived.putIfAbsent(verdict.getHeader().getEventId(), verdict));
        Map<String, RecordedEvent> recorded = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent event = events.get(i);
            if (event.event().getPayload() instanceof QuorumReached verdict && recorded.putIfAbsent(event.eventId(), event) == null) {
                BlackboardEvent expected = derived.get(event.eventId());
                if (expected == null) {
                    divergences.add(diverged(event, "verdict " + verdict.getVerdict() + " round " + verdict.getRound()
                            + " is not derived from the events before it"));
                } else if (!Arrays.equals(codec.encode(signedAs(expected, event.event())), event.value())) {
                    divergences.add(diverged(event, "re-derived verdict differs: recorded "
                            + summary(verdict) + ", derived " + summary((QuorumReached) expected.getPayload())));
                }
                checkHead(event, verdict.getHeadHash(), verdict.getEventCount(), heads, divergences);
            }
        }
        if (!cut) {
            derived.keySet().stream().filter(id -> !recorded.containsKey(id)).forEach(id -> divergences.add(
                    new AuditReport.Divergence("-", id, "verdict " + summary((QuorumReached) derived.get(id).getPayload())
                            + " follows from the events but is not on the blackboard")));
        }
    }

    /** The derived verdict with the recorded one's signer and signature, so the stored bytes can match. */
    private static BlackboardEvent signedAs(BlackboardEvent derived, BlackboardEvent recorded) {
        EventHeader header = EventHeader.newBuilder(derived.getHeader())
                .setSignerKeyId(recorded.getHeader().getSignerKeyId())
                .setSignature(recorded.getHeader().getSignature()).build();
        return new BlackboardEvent(header, derived.getPayload());
    }

    private static void checkDigests(List<RecordedEvent> events, List<HeadHash> heads,
                                     List<AuditReport.Divergence> divergences) {
        for (RecordedEvent event : events) {
            if (event.event().getPayload() instanceof DigestPublished digest) {
                int verdictAt = indexOf(events, digest.getVerdictEventId());
                if (verdictAt < 0 || !(events.get(verdictAt).event().getPayload() instanceof QuorumReached verdict)
                        || !"PASS".equals(verdict.getVerdict())) {
                    divergences.add(diverged(event, "digest cites " + digest.getVerdictEventId()
                            + ", which is not a PASS verdict of this mission"));
                } else {
                    // a workspace mission's digest covers the events up to its IntegrationCompleted, and a plan
                    // with an audit lane's up to the audit's end
                    int coveredTo = Math.max(DigestDecision.integrationPosition(events, digest.getVerdictEventId())
                            .orElse(verdictAt), AuditOutcome.position(events, verdict.getRound()).orElse(-1));
                    if (!heads.get(coveredTo).hex().equals(digest.getHeadHash())) {
                        divergences.add(diverged(event, "digest head " + digest.getHeadHash()
                                + " is not the head at its verdict, integration or audit " + heads.get(coveredTo).hex()));
                    }
                }
            }
        }
    }

    private static void checkHead(RecordedEvent event, String recordedHead, long count, List<HeadHash> heads,
                                  List<AuditReport.Divergence> divergences) {
        if (count < 1 || count > heads.size()) {
            divergences.add(diverged(event, "verdict covers " + count + " events; the log has " + heads.size()));
        } else if (!heads.get((int) count - 1).hex().equals(recordedHead)) {
            divergences.add(diverged(event, "head hash " + recordedHead + " differs from the recomputed "
                    + heads.get((int) count - 1).hex() + " after " + count + " events"));
        }
    }

    private static int indexOf(List<RecordedEvent> events, String eventId) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).eventId().equals(eventId)) {
                return i;
            }
        }
        return -1;
    }

    private static int position(List<RecordedEvent> events, AuditReport.Divergence divergence) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).coordinates().equals(divergence.coordinates())) {
                return i;
            }
        }
        return divergence.coordinates().equals("-") ? Integer.MAX_VALUE : -1;
    }

    private static String summary(QuorumReached verdict) {
        return verdict.getVerdict() + " round " + verdict.getRound() + " failing " + verdict.getFailingLanes();
    }

    private static AuditReport.Divergence diverged(RecordedEvent event, String why) {
        return new AuditReport.Divergence(event.coordinates(), event.eventId(), why);
    }
}
