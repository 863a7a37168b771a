package dev.swarmboard.orchestrator.service;

import dev.swarmboard.blackboard.MissionPartition;
import dev.swarmboard.orchestrator.escalation.EscalationDeliverer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What moves with the blackboard partitions between orchestrator instances. Any rebalance drops the
 * cached mission states; a partition taken over is noted with its committed offset, and the loop
 * then recovers its missions' follow-ups ({@link FollowUpRecovery}) before it decides anything else,
 * trying again after a pause when that fails; a partition lost to another instance stops the
 * escalation deliveries of its missions here, since the new owner resumes them.
 */
final class PartitionTakeover implements ConsumerRebalanceListener {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionTakeover.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final Consumer<?, ?> consumer;
    private final String blackboard;
    private final int partitions;
    private final MissionStates states;
    private final EscalationDeliverer deliverer;
    private final Map<Integer, Long> toRecover = new TreeMap<>();
    private final Set<Integer> revoked = new HashSet<>();
    private boolean backingOff;
    private long retryAt;

    PartitionTakeover(Consumer<?, ?> consumer, String blackboard, int partitions, MissionStates states,
                      EscalationDeliverer deliverer) {
        this.consumer = consumer;
        this.blackboard = blackboard;
        this.partitions = partitions;
        this.states = states;
        this.deliverer = deliverer;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> lost) {
        states.clear();
        Set<Integer> ours = blackboardPartitions(lost);
        revoked.addAll(ours);
        ours.forEach(toRecover::remove);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        states.clear();
        Set<Integer> taken = blackboardPartitions(assigned);
        revoked.removeAll(taken);
        if (!revoked.isEmpty()) {
            Set<Integer> moved = Set.copyOf(revoked);
            deliverer.abandon(missionId -> moved.contains(MissionPartition.of(missionId, partitions)));
            revoked.clear();
        }
        if (taken.isEmpty()) {
            return;
        }
        Set<TopicPartition> topicPartitions = taken.stream().map(p -> new TopicPartition(blackboard, p))
                .collect(Collectors.toSet());
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(topicPartitions);
        for (TopicPartition partition : topicPartitions) {
            OffsetAndMetadata offset = committed.get(partition);
            toRecover.put(partition.partition(), offset == null ? 0L : offset.offset());
        }
    }

    /** Recovers the partitions taken over since the last call, unless a failed try asks to wait. */
    void recoverDue(FollowUpRecovery recovery) {
        if (toRecover.isEmpty() || backingOff && System.nanoTime() - retryAt < 0) {
            return;
        }
        try {
            recovery.recover(Map.copyOf(toRecover));
            toRecover.clear();
            backingOff = false;
        } catch (RuntimeException e) {
            if (ProducerLoss.recoverable(e) || e instanceof AuthorizationException) {
                throw e;
            }
            LOG.warn("follow-ups of blackboard partitions {} could not be recovered; trying again in {} s",
                    toRecover.keySet(), RETRY_PAUSE.toSeconds(), e);
            states.clear();
            backingOff = true;
            retryAt = System.nanoTime() + RETRY_PAUSE.toNanos();
        }
    }

    private Set<Integer> blackboardPartitions(Collection<TopicPartition> partitions) {
        return partitions.stream().filter(partition -> partition.topic().equals(blackboard))
                .map(TopicPartition::partition).collect(Collectors.toSet());
    }
}
