package dev.swarmboard.orchestrator.service;

import dev.swarmboard.missionindex.IndexEntry;
import dev.swarmboard.missionindex.MissionIndex;
import dev.swarmboard.missionindex.MissionIndexCodec;
import dev.swarmboard.orchestrator.escalation.EscalationDeliverer;
import dev.swarmboard.orchestrator.escalation.OwedEscalations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a paused mission or an undelivered escalation is owed by the orchestrator that takes its
 * blackboard partition over (at start or after a rebalance), found without reading the partition's
 * history: the partitions' open follow-ups come from the mission index, and each mission they name is
 * read from its own start. Reading it puts its pause in the tracker (the confirmation ticker then
 * cancels it if it is due); an escalation consumed before the takeover and not settled resumes its
 * delivery; a follow-up its mission's events show settled is closed. A follow-up of a kind this
 * version does not know is not trusted: its mission is read and decided from its events.
 */
final class FollowUpRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpRecovery.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> clientProperties;
    private final String indexTopic;
    private final MissionStates states;
    private final EscalationDeliverer deliverer;
    private final FollowUpRecords records;
    private final Producer<byte[], byte[]> closer;

    FollowUpRecovery(Map<String, Object> clientProperties, String indexTopic, MissionStates states,
                     EscalationDeliverer deliverer, FollowUpRecords records, Producer<byte[], byte[]> closer) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.indexTopic = indexTopic;
        this.states = states;
        this.deliverer = deliverer;
        this.records = records;
        this.closer = closer;
    }

    /**
     * Recovers the missions of the given blackboard partitions, each with its committed offset at the
     * takeover: escalations at or after it reach this orchestrator through its subscription instead.
     */
    void recover(Map<Integer, Long> committed) {
        Map<String, Long> missions = new LinkedHashMap<>();
        List<IndexEntry.FollowUp> open = new ArrayList<>();
        try (MissionIndex index = new MissionIndex(clientProperties, indexTopic)) {
            committed.forEach((partition, offset) -> {
                for (IndexEntry entry : index.followUps(partition)) {
                    mission(entry, partition).ifPresent(missionId -> missions.put(missionId, offset));
                    if (entry instanceof IndexEntry.FollowUp followUp) {
                        open.add(followUp);
                    }
                }
            });
        }
        int waiting = 0;
        int resumed = 0;
        Map<String, OwedEscalations> owed = new LinkedHashMap<>();
        for (Map.Entry<String, Long> mission : missions.entrySet()) {
            OwedEscalations escalations = OwedEscalations.of(states.reload(mission.getKey()).events(),
                    mission.getValue());
            owed.put(mission.getKey(), escalations);
            waiting += states.waitsUnderTimeout(mission.getKey()) ? 1 : 0;
            for (OwedEscalations.Resume resume : escalations.owed()) {
                if (!deliverer.inFlight(resume.escalation().getHeader().getEventId())) {
                    deliverer.resume(resume.escalation(), resume.attempt());
                    resumed++;
                }
            }
        }
        int closed = closeSettled(open, owed);
        LOG.info("follow-ups of blackboard partitions {}: {} missions read, {} paused under a confirmation timeout,"
                + " {} escalations resumed, {} settled follow-ups closed", committed.keySet(), missions.size(), waiting,
                resumed, closed);
    }

    private static Optional<String> mission(IndexEntry entry, int partition) {
        if (entry instanceof IndexEntry.FollowUp followUp) {
            return Optional.of(followUp.missionId());
        }
        if (entry instanceof IndexEntry.Malformed malformed) {
            Optional<String> missionId = MissionIndexCodec.followUpMission(malformed.key());
            LOG.warn("mission index follow-up {} of partition {} not understood ({}); reading mission {} instead",
                    malformed.key(), partition, malformed.reason(), missionId.orElse("(none)"));
            return missionId;
        }
        return Optional.empty();
    }

    /** Closes the follow-ups nothing is owed for any more, and waits until they are written. */
    private int closeSettled(List<IndexEntry.FollowUp> open, Map<String, OwedEscalations> owed) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (IndexEntry.FollowUp followUp : open) {
            boolean settled = IndexEntry.FollowUp.PAUSED.equals(followUp.kind())
                    ? !states.waitsUnderTimeout(followUp.missionId())
                    : owed.get(followUp.missionId()).settled().contains(followUp.escalationId());
            if (settled) {
                ProducerRecord<byte[], byte[]> tombstone = records.close(followUp.kind(), followUp.missionId(),
                        followUp.escalationId());
                sent.add(closer.send(tombstone));
            }
        }
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new KafkaException("closing a settled follow-up in the mission index failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted closing settled follow-ups", e);
            }
        }
        return sent.size();
    }
}
