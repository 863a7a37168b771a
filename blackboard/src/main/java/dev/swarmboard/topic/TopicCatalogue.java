package dev.swarmboard.topic;

import static dev.swarmboard.acl.ServiceRole.CLI;
import static dev.swarmboard.acl.ServiceRole.DIGEST;
import static dev.swarmboard.acl.ServiceRole.LANE_WORKER;
import static dev.swarmboard.acl.ServiceRole.ORCHESTRATOR;
import static dev.swarmboard.acl.ServiceRole.VERIFIER;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that names Swarmboard's topics and their settings. Names carry a configurable
 * prefix (default {@code swarm.}) so several installations can share a cluster.
 *
 * @param prefix             prepended to every topic name, e.g. {@code swarm.}
 * @param missionPartitions  partitions of the missions command topic
 * @param laneTaskPartitions partitions of the lane-tasks topic (share groups spread work beyond them)
 * @param blackboardPartitions partitions of the blackboard; fixed for life, since a mission's
 *                           partition is derived from it
 * @param replicationFactor  replication of every topic, or null for the broker default
 */
public record TopicCatalogue(String prefix, int missionPartitions, int laneTaskPartitions,
                             int blackboardPartitions, Short replicationFactor) {

    public static final String DEFAULT_PREFIX = "swarm.";
    public static final int DEFAULT_PARTITIONS = 3;

    /** The catalogue with default prefix and partition counts. */
    public static TopicCatalogue defaults() {
        return withPrefix(DEFAULT_PREFIX);
    }

    public static TopicCatalogue withPrefix(String prefix) {
        return new TopicCatalogue(prefix, DEFAULT_PARTITIONS, DEFAULT_PARTITIONS, 6, null);
    }

    /**
     * The catalogue with the missions and lane-tasks topics at {@code partitions} and every topic at
     * {@code replicationFactor} (null: the broker's default). The blackboard keeps its fixed count.
     */
    public TopicCatalogue withLayout(int partitions, Short replicationFactor) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor != null && replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, got " + replicationFactor);
        }
        return new TopicCatalogue(prefix, partitions, partitions, blackboardPartitions, replicationFactor);
    }

    public String missions() {
        return prefix + "missions";
    }

    public String laneTasks() {
        return prefix + "lane-tasks";
    }

    public String blackboard() {
        return prefix + "blackboard";
    }

    public String deadLetters() {
        return prefix + "dead-letters";
    }

    public String schemas() {
        return prefix + "schemas";
    }

    /** The groups and transactional ids of the services using these topics. */
    public ClientNames clients() {
        return new ClientNames(prefix);
    }

    /**
     * Where each mission starts on the blackboard (see {@code dev.swarmboard.missionindex}): one
     * small record per mission, compacted; as many partitions as the blackboard, so index partition
     * {@code p} holds the missions of blackboard partition {@code p}.
     */
    public String missionIndex() {
        return prefix + "mission-index";
    }

    /** The capability registry and workflows the orchestrator runs with, as it published them at start. */
    public String registry() {
        return prefix + "registry";
    }

    /** Every topic with the settings it must have and the services that read and write it. */
    public List<TopicSpec> topics() {
        return List.of(
                new TopicSpec(missions(), missionPartitions, false, replicationFactor, Map.of("cleanup.policy", "delete"))
                        .withAccess(Set.of(ORCHESTRATOR), Set.of(CLI)),
                new TopicSpec(laneTasks(), laneTaskPartitions, false, replicationFactor, Map.of("cleanup.policy", "delete"))
                        .withAccess(Set.of(LANE_WORKER), Set.of(ORCHESTRATOR)),
                // The blackboard is the system of record: kept forever, never compacted.
                new TopicSpec(blackboard(), blackboardPartitions, true, replicationFactor,
                        Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1"))
                        .withAccess(Set.of(ORCHESTRATOR, LANE_WORKER, VERIFIER, DIGEST, CLI),
                                Set.of(ORCHESTRATOR, LANE_WORKER, VERIFIER, DIGEST)),
                new TopicSpec(deadLetters(), 1, false, replicationFactor,
                        Map.of("cleanup.policy", "delete", "retention.ms", "-1"))
                        .withAccess(Set.of(CLI), Set.of(ORCHESTRATOR, LANE_WORKER, VERIFIER, DIGEST)),
                // One record per writer schema, keyed by fingerprint: compaction keeps each forever.
                // Every client publishes its writer schemas at start and loads the others'.
                new TopicSpec(schemas(), 1, false, replicationFactor, Map.of("cleanup.policy", "compact"))
                        .withAccess(Set.of(ORCHESTRATOR, LANE_WORKER, VERIFIER, DIGEST, CLI),
                                Set.of(ORCHESTRATOR, LANE_WORKER, VERIFIER, DIGEST, CLI)),
                missionIndexTopic(),
                // One record under one key, replaced at each orchestrator start: compaction keeps the latest.
                new TopicSpec(registry(), 1, false, replicationFactor, Map.of("cleanup.policy", "compact"))
                        .withAccess(Set.of(ORCHESTRATOR, CLI), Set.of(ORCHESTRATOR)));
    }

    /** The mission index: compaction keeps each mission's start (and each partition's marker) forever. */
    private TopicSpec missionIndexTopic() {
        return new TopicSpec(missionIndex(), blackboardPartitions, true, replicationFactor,
                Map.of("cleanup.policy", "compact"))
                .withAccess(Set.of(ORCHESTRATOR, LANE_WORKER, DIGEST, CLI), Set.of(ORCHESTRATOR));
    }
}
