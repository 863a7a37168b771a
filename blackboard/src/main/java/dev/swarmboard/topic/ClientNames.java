package dev.swarmboard.topic;

/**
 * The one place that names Swarmboard's consumer groups, share groups and transactional ids. Like topic
 * names they carry the installation's prefix; the services use these defaults and {@code swarm acls}
 * grants exactly these, so ACLs cannot drift from what the services ask for.
 *
 * @param prefix the topic prefix, e.g. {@code swarm.}
 */
public record ClientNames(String prefix) {

    /** The orchestrator's consumer group (unless {@code SWARM_ORCHESTRATOR_GROUP} names another). */
    public String orchestratorGroup() {
        return prefix + "orchestrator";
    }

    /**
     * The orchestrator's transactional id (unless {@code SWARM_ORCHESTRATOR_TRANSACTIONAL_ID} names
     * another); ACLs grant it as a prefix, so {@code <this>-b} for a second instance is covered.
     */
    public String orchestratorTransactionalId() {
        return prefix + "orchestrator";
    }

    /** The share group all lane workers join (unless {@code SWARM_LANE_GROUP} names another). */
    public String laneWorkerShareGroup() {
        return prefix + "lane-workers";
    }

    /** Every lane attempt's transactional id starts so: {@code <this><mission>/<lane>/<attempt>}. */
    public String laneAttemptTransactionalIdPrefix() {
        return prefix + "lane-attempt.";
    }

    /**
     * The verifier's Kafka Streams {@code application.id}: its consumer group, the prefix of its
     * exactly-once transactional ids and of its internal topics ({@code <this>-...}).
     */
    public String verifierApplicationId() {
        return prefix + "verifier";
    }

    /** The digest's consumer group. */
    public String digestGroup() {
        return prefix + "digest";
    }
}
