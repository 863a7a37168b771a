package dev.swarmboard.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.blackboard.UndecodableRecord;
import dev.swarmboard.deadletter.UnreadableRecord;
import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.signing.Ed25519Keys;
import dev.swarmboard.signing.FactSigner;
import dev.swarmboard.verifier.bench.SyntheticMission;
import dev.swarmboard.verifier.quorum.QuorumReplay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class MissionAuditTest {

    private static final Instant START = Instant.parse("2026-11-22T02:00:00Z");
    private final AvroCodec<BlackboardEvent> codec = Codecs.create().events().codec();

    @Test
    void shouldReplayOkWhenEveryVerdictFollowsFromTheEventsBeforeIt() {
        // Given a mission whose two lanes pass, with the verifier's verdict appended
        List<BlackboardEvent> events = passingMission();

        // When audited, Then nothing diverges and the head covers every event
        AuditReport report = MissionAudit.audit(log(events), codec, null);
        assertThat(report.divergences()).isEmpty();
        assertThat(report.head().count()).isEqualTo(events.size());
    }

    @Test
    void shouldNameAForgedVerdict() {
        // Given the verdict replaced by a FAIL the events do not support
        List<BlackboardEvent> events = passingMission();
        BlackboardEvent genuine = events.remove(events.size() - 1);
        QuorumReached forged = QuorumReached.newBuilder((QuorumReached) genuine.getPayload()).setVerdict("FAIL").build();
        events.add(Events.create(genuine.getHeader().getEventId(), origin(genuine), forged, genuine.getHeader().getOccurredAt()));

        // When audited
        AuditReport report = MissionAudit.audit(log(events), codec, null);

        // Then the first divergence is that verdict, recorded FAIL where PASS follows from the log
        assertThat(report.ok()).isFalse();
        assertThat(report.divergences().get(0).eventId()).isEqualTo(genuine.getHeader().getEventId());
        assertThat(report.divergences().get(0).reason()).contains("recorded FAIL").contains("derived PASS");
    }

    @Test
    void shouldShowTheMissionAsItStoodBeforeItsLastLaneYielded() {
        // Given the whole mission, When audited as of a moment before the last yield (and so the verdict,
        // which carries the time of the event that triggered it)
        List<BlackboardEvent> events = passingMission();
        Instant beforeVerdict = events.get(events.size() - 1).getHeader().getOccurredAt().minusMillis(1);
        AuditReport report = MissionAudit.audit(log(events), codec, beforeVerdict);

        // Then neither is part of that view, and the verdict's absence is no divergence
        assertThat(report.events()).hasSize(events.size() - 2);
        assertThat(report.ok()).isTrue();
    }

    @Test
    void shouldRefuseADigestThatCitesNoPassVerdict() {
        // Given a digest published for a mission whose only verdict is missing from the log
        List<BlackboardEvent> events = passingMission();
        BlackboardEvent verdict = events.remove(events.size() - 1);
        events.add(Events.create(EventOrigin.mission("m-audit", "digest"), DigestPublished.newBuilder()
                .setBluf("all good").setMarkdown("# report").setHeadHash("00".repeat(32))
                .setVerdictEventId(verdict.getHeader().getEventId()).build(), START.plusSeconds(60), "digest"));

        // When audited, Then the digest is named, and so is the verdict that should have been written
        AuditReport report = MissionAudit.audit(log(events), codec, null);
        assertThat(report.divergences()).extracting(AuditReport.Divergence::reason)
                .anySatisfy(reason -> assertThat(reason).contains("not a PASS verdict"))
                .anySatisfy(reason -> assertThat(reason).contains("is not on the blackboard"));
    }

    @Test
    void shouldNameAnEventIdReusedWithOtherContent() {
        // Given a second stage receipt carrying the id of the first one
        List<BlackboardEvent> events = passingMission();
        BlackboardEvent receipt = events.get(2);
        BlackboardEvent impostor = Events.create(receipt.getHeader().getEventId(), origin(receipt),
                (SpecificRecord) events.get(3).getPayload(),
                receipt.getHeader().getOccurredAt());
        events.add(3, impostor);

        // When audited, Then the reused id is named at the impostor
        AuditReport report = MissionAudit.audit(log(events), codec, null);
        assertThat(report.divergences()).anySatisfy(divergence -> {
            assertThat(divergence.eventId()).isEqualTo(receipt.getHeader().getEventId());
            assertThat(divergence.reason()).contains("already used");
        });
    }

    @Test
    void shouldPassTheFactsAndListAForeignRecordApart() {
        // Given a passing mission with undecodable bytes under its key
        List<BlackboardEvent> events = passingMission();
        MissionLog log = new MissionLog("m-audit", recorded(events), List.of(UndecodableRecord.foreign(
                "swarm.blackboard", 0, 99, "m-audit", "OVERSIZED: string declares 2147483639 bytes")), List.of());

        // When audited, Then the facts pass and the record is listed as foreign, not as a divergence
        AuditReport report = MissionAudit.audit(log, codec, null);
        assertThat(report.ok()).isTrue();
        assertThat(report.foreign()).singleElement().satisfies(foreign -> {
            assertThat(foreign.coordinates()).isEqualTo("swarm.blackboard-0@99");
            assertThat(foreign.reason()).contains("OVERSIZED");
        });
    }

    @Test
    void shouldDivergeOnAnEventNamingAnotherMissionUnderTheKey() {
        // Given a decodable event of another mission written under this mission's key
        MissionLog log = new MissionLog("m-audit", recorded(passingMission()), List.of(UndecodableRecord.misattributed(
                "swarm.blackboard", 0, 98, "m-audit", "key names mission m-audit but header names m-other")), List.of());

        // When audited, Then it is a divergence at its offset
        AuditReport report = MissionAudit.audit(log, codec, null);
        assertThat(report.ok()).isFalse();
        assertThat(report.divergences().get(0).coordinates()).isEqualTo("swarm.blackboard-0@98");
        assertThat(report.foreign()).isEmpty();
    }

    @Test
    void shouldDivergeOnARecordOfThePartitionTheClientCannotRead() {
        // Given a passing mission whose partition holds a corrupt batch at offset 7
        UnreadableRecord corrupt = new UnreadableRecord(new TopicPartition("swarm.blackboard", 0), 7,
                new KafkaException("Received exception when fetching the next record from swarm.blackboard-0. If needed,"
                        + " please seek past the record to continue consumption.", new KafkaException("crc mismatch")));
        MissionLog log = new MissionLog("m-audit", recorded(passingMission()), List.of(), List.of(corrupt));

        // When audited, Then the divergence names the offset and the client's reason
        AuditReport report = MissionAudit.audit(log, codec, null);
        assertThat(report.ok()).isFalse();
        assertThat(report.divergences().get(0).coordinates()).isEqualTo("swarm.blackboard-0@7");
        assertThat(report.divergences().get(0).reason()).contains("cannot be read").contains("crc mismatch");
    }

    @Test
    void shouldDivergeOnAFactTheTrustFileRefused() {
        // Given a passing mission and, under its key, a verdict the reader's trust file refused
        MissionLog log = new MissionLog("m-audit", recorded(passingMission()), List.of(UndecodableRecord.untrusted(
                "swarm.blackboard", 0, 97, "m-audit", "QuorumReached q (signer lane-worker) refused: key lane-worker"
                        + " may not sign a QuorumReached")), List.of());

        // When audited, Then it is a divergence at its offset naming the signer and the reason
        AuditReport report = MissionAudit.audit(log, codec, null);
        assertThat(report.ok()).isFalse();
        assertThat(report.divergences()).singleElement().satisfies(divergence -> {
            assertThat(divergence.coordinates()).isEqualTo("swarm.blackboard-0@97");
            assertThat(divergence.reason()).isEqualTo("untrusted fact: QuorumReached q (signer lane-worker) refused:"
                    + " key lane-worker may not sign a QuorumReached");
        });
    }

    @Test
    void shouldReDeriveSignedVerdictsByteForByte() {
        // Given a mission whose every event is signed, its verdicts by the verifier's key over the signed log
        FactSigner lanes = FactSigner.of("lane-worker", Ed25519Keys.generate().getPrivate());
        FactSigner verifier = FactSigner.of("verifier", Ed25519Keys.generate().getPrivate());
        SyntheticMission mission = new SyntheticMission("m-audit", List.of("a"), START, Duration.ofHours(1));
        List<BlackboardEvent> events = new ArrayList<>();
        events.add(lanes.sign(mission.planIssued()));
        mission.laneAttempt("a", 1, true).forEach(event -> events.add(lanes.sign(event)));
        QuorumReplay.verdicts(recorded(events)).forEach(verdict -> events.add(verifier.sign(verdict)));

        // When audited, Then the recorded verdict is the re-derived one with its signature: no divergence
        AuditReport report = MissionAudit.audit(log(events), codec, null);
        assertThat(events.get(events.size() - 1).getHeader().getSignerKeyId()).isEqualTo("verifier");
        assertThat(report.divergences()).isEmpty();
    }

    private List<BlackboardEvent> passingMission() {
        SyntheticMission mission = new SyntheticMission("m-audit", List.of("a", "b"), START, Duration.ofHours(1));
        List<BlackboardEvent> events = new ArrayList<>();
        events.add(mission.planIssued());
        events.addAll(mission.laneAttempt("a", 1, true));
        events.addAll(mission.laneAttempt("b", 1, true));
        events.addAll(QuorumReplay.verdicts(recorded(events)));
        return events;
    }

    private MissionLog log(List<BlackboardEvent> events) {
        return new MissionLog("m-audit", recorded(events), List.of());
    }

    private List<RecordedEvent> recorded(List<BlackboardEvent> events) {
        List<RecordedEvent> recorded = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            recorded.add(new RecordedEvent(events.get(i), "swarm.blackboard", 0, i,
                    events.get(i).getHeader().getOccurredAt().toEpochMilli(), codec.encode(events.get(i))));
        }
        return recorded;
    }

    private static EventOrigin origin(BlackboardEvent event) {
        return new EventOrigin(event.getHeader().getMissionId(), event.getHeader().getLaneId(),
                event.getHeader().getAttempt(), event.getHeader().getProducer(), event.getHeader().getCausationId(),
                event.getHeader().getTraceparent());
    }
}
