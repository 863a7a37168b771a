package dev.swarmboard.orchestrator.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to start an orchestrator whose transactional id a live instance already uses, before its
 * producer exists: {@code initTransactions} would fence the running instance. The orchestrator's
 * consumer is named {@code <transactional id>-<instance id>}, so the group's members show which
 * transactional ids are in use. A member left by a killed instance stays until its session times
 * out, so the guard waits that long for it to vanish; one that is still there is alive.
 */
final class TransactionalIdGuard {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalIdGuard.class);
    private static final int DEFAULT_SESSION_TIMEOUT_MS = 45_000;
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final Map<String, Object> clientProperties;
    private final String groupId;
    private final String transactionalId;
    private final String ownClientId;

    TransactionalIdGuard(Map<String, Object> clientProperties, OrchestratorConfig config) {
        this.clientProperties = clientProperties;
        this.groupId = config.groupId();
        this.transactionalId = config.transactionalId();
        this.ownClientId = clientId(config);
    }

    /** The client id of the orchestrator's consumer and producer: it names the transactional id. */
    static String clientId(OrchestratorConfig config) {
        return config.transactionalId() + "-" + config.common().instanceId();
    }

    /** How long a killed instance's member can linger: the session timeout and a margin. */
    Duration lingerBound() {
        Object configured = clientProperties.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG);
        long session = configured == null ? DEFAULT_SESSION_TIMEOUT_MS : Long.parseLong(configured.toString());
        return Duration.ofMillis(session).plusSeconds(5);
    }

    /**
     * Returns when no other member of the group uses this transactional id; throws naming the other
     * instance when one still does after {@link #lingerBound()}.
     */
    void ensureSole(Admin admin) {
        long deadline = System.nanoTime() + lingerBound().toNanos();
        List<MemberDescription> others = others(admin);
        if (!others.isEmpty()) {
            LOG.info("orchestrator group {} has members with transactional id {} ({}); waiting up to {} s for"
                    + " them to leave", groupId, transactionalId, names(others), lingerBound().toSeconds());
        }
        while (!others.isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("another orchestrator is running with transactional id "
                        + transactionalId + " (" + names(others) + "); refusing to start, which would fence it;"
                        + " give this instance its own SWARM_ORCHESTRATOR_TRANSACTIONAL_ID or stop the other");
            }
            pause();
            others = others(admin);
        }
    }

    private List<MemberDescription> others(Admin admin) {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all()
                    .get(30, TimeUnit.SECONDS).get(groupId);
            return group.members().stream()
                    .filter(member -> member.clientId().startsWith(transactionalId + "-"))
                    .filter(member -> !member.clientId().equals(ownClientId))
                    .toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return List.of();
            }
            throw new IllegalStateException("cannot describe orchestrator group " + groupId + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot describe orchestrator group " + groupId + " within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the orchestrator group", e);
        }
    }

    private static String names(List<MemberDescription> members) {
        return String.join(", ", members.stream().map(m -> m.clientId() + " at " + m.host()).toList());
    }

    private static void pause() {
        try {
            Thread.sleep(CHECK_EVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the orchestrator group", e);
        }
    }
}
