package dev.swarmboard.acl;

import java.util.Arrays;

/**
 * The kinds of Kafka client Swarmboard runs, each under a principal of its own so the broker can hold it
 * to exactly its ACLs ({@link ServiceAcls}). The id names the principal: {@code <principal prefix><id>}.
 */
public enum ServiceRole {

    /** Plans missions and decides on verdicts: reads commands, writes plans and lane tasks, transactionally. */
    ORCHESTRATOR("orchestrator", "transactional plans and decisions"),
    /** Runs lanes from the lane-tasks share group and writes each attempt's facts fenced by attempt. */
    LANE_WORKER("lane-worker", "the lane-tasks share group, fenced attempt writers"),
    /** The Kafka Streams quorum verifier, exactly-once v2. */
    VERIFIER("verifier", "a Kafka Streams application with exactly-once v2"),
    /** Turns passed missions into reports and records each digest. */
    DIGEST("digest", "reads verdicts, writes digests"),
    /** The {@code swarm} commands a user runs: submit, approve, cancel, replay, watch. */
    CLI("cli", "submit, approve, cancel, replay and watch"),
    /** {@code swarm run backlog}: the lane-tasks share group's lag, for autoscaling. */
    BACKLOG("backlog", "describes the share group and the lane-tasks offsets"),
    /** {@code swarm topics} and {@code swarm acls --apply}: provisions topics and applies ACLs. */
    ADMIN("admin", "creates and checks the catalogue, applies ACLs");

    /** Principal names are {@code swarm-<id>} unless told otherwise. */
    public static final String DEFAULT_PRINCIPAL_PREFIX = "swarm-";

    private final String id;
    private final String purpose;

    ServiceRole(String id, String purpose) {
        this.id = id;
        this.purpose = purpose;
    }

    /** The short name: {@code lane-worker}. */
    public String id() {
        return id;
    }

    /** One line on what this client does, for printed ACLs and manifests. */
    public String purpose() {
        return purpose;
    }

    /** The SCRAM user name of this role: {@code <prefix><id>}. */
    public String userName(String principalPrefix) {
        return principalPrefix + id;
    }

    /** The role with this id, or an error naming the ids there are. */
    public static ServiceRole ofId(String id) {
        for (ServiceRole role : values()) {
            if (role.id.equals(id)) {
                return role;
            }
        }
        throw new IllegalArgumentException("no service '" + id + "'; services are "
                + Arrays.stream(values()).map(ServiceRole::id).toList());
    }
}
