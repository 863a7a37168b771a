package dev.swarmboard.acl;

import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.ALTER;
import static org.apache.kafka.common.acl.AclOperation.ALTER_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DELETE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import dev.swarmboard.topic.ClientNames;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The least-privilege ACLs of every service, derived from the topic catalogue (who reads and writes each
 * topic, {@link TopicSpec#access()}) and from {@link ClientNames} (the groups and transactional ids the
 * services use). Every service that touches the blackboard may also describe every catalogue topic and
 * its configs, because each checks the whole catalogue at start. No rule grants {@code IdempotentWrite}:
 * since Kafka 3.0 (KIP-679) WRITE on a topic is enough for an idempotent producer.
 */
public final class ServiceAcls {

    /** The one name of Kafka's cluster resource. */
    private static final String CLUSTER_NAME = "kafka-cluster";

    private ServiceAcls() {
    }

    /**
     * Every rule of every service, grouped by service in {@link ServiceRole} order.
     *
     * @throws IllegalStateException if a catalogue topic has no readers and writers assigned
     */
    public static List<ServiceAcl> derive(TopicCatalogue catalogue) {
        return derive(catalogue, catalogue.topics());
    }

    /** Every rule for {@code topics}, with the catalogue's prefix and client names for everything else. */
    static List<ServiceAcl> derive(TopicCatalogue catalogue, List<TopicSpec> topics) {
        List<ServiceAcl> rules = new ArrayList<>();
        for (ServiceRole role : ServiceRole.values()) {
            rules.addAll(of(role, catalogue, topics));
        }
        return List.copyOf(rules);
    }

    /** The rules of one service. */
    public static List<ServiceAcl> of(ServiceRole role, TopicCatalogue catalogue) {
        return of(role, catalogue, catalogue.topics());
    }

    private static List<ServiceAcl> of(ServiceRole role, TopicCatalogue catalogue, List<TopicSpec> topics) {
        List<ServiceAcl> rules = new ArrayList<>(topicRules(role, catalogue, topics));
        rules.addAll(clientRules(role, catalogue));
        rules.sort(Comparator.comparing((ServiceAcl rule) -> rule.resource().resourceType())
                .thenComparing(rule -> rule.resource().name()));
        return List.copyOf(rules);
    }

    private static List<ServiceAcl> topicRules(ServiceRole role, TopicCatalogue catalogue, List<TopicSpec> topics) {
        topics.stream().filter(spec -> !spec.access().assigned()).findFirst().ifPresent(spec -> {
            throw new IllegalStateException("topic " + spec.name() + " has no readers or writers assigned in "
                    + "TopicCatalogue; refusing to derive ACLs that would leave it unreachable or open");
        });
        boolean blackboardClient = topics.stream()
                .anyMatch(spec -> spec.access().readers().contains(role) || spec.access().writers().contains(role));
        List<ServiceAcl> rules = new ArrayList<>();
        if (role == ServiceRole.BACKLOG) {
            rules.add(literalTopic(role, catalogue.laneTasks(), EnumSet.of(DESCRIBE)));
        }
        if (!blackboardClient) {
            return rules;
        }
        for (TopicSpec spec : topics) {
            Set<AclOperation> operations = EnumSet.of(DESCRIBE, DESCRIBE_CONFIGS);
            if (spec.access().readers().contains(role)) {
                operations.add(READ);
            }
            if (spec.access().writers().contains(role)) {
                operations.add(WRITE);
            }
            rules.add(literalTopic(role, spec.name(), operations));
        }
        return rules;
    }

    private static List<ServiceAcl> clientRules(ServiceRole role, TopicCatalogue catalogue) {
        ClientNames names = catalogue.clients();
        return switch (role) {
            case ORCHESTRATOR -> List.of(
                    rule(role, ResourceType.GROUP, names.orchestratorGroup(), PatternType.LITERAL, READ, DESCRIBE),
                    rule(role, ResourceType.TRANSACTIONAL_ID, names.orchestratorTransactionalId(),
                            PatternType.PREFIXED, WRITE, DESCRIBE));
            case LANE_WORKER -> List.of(
                    // The worker sets its share group's offset reset and isolation level at start.
                    rule(role, ResourceType.GROUP, names.laneWorkerShareGroup(), PatternType.LITERAL,
                            READ, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS),
                    rule(role, ResourceType.TRANSACTIONAL_ID, names.laneAttemptTransactionalIdPrefix(),
                            PatternType.PREFIXED, WRITE, DESCRIBE));
            case VERIFIER -> List.of(
                    rule(role, ResourceType.GROUP, names.verifierApplicationId(), PatternType.LITERAL, READ, DESCRIBE),
                    // Exactly-once v2 ids are <application.id>-<process>-<thread>.
                    rule(role, ResourceType.TRANSACTIONAL_ID, names.verifierApplicationId() + "-",
                            PatternType.PREFIXED, WRITE, DESCRIBE),
                    // Kafka Streams creates, reads, writes and purges its own changelog and repartition topics.
                    rule(role, ResourceType.TOPIC, names.verifierApplicationId() + "-", PatternType.PREFIXED,
                            CREATE, READ, WRITE, DELETE, DESCRIBE, DESCRIBE_CONFIGS));
            case DIGEST -> List.of(
                    rule(role, ResourceType.GROUP, names.digestGroup(), PatternType.LITERAL, READ, DESCRIBE));
            case BACKLOG -> List.of(
                    rule(role, ResourceType.GROUP, names.laneWorkerShareGroup(), PatternType.LITERAL, DESCRIBE));
            case CLI -> List.of();
            case ADMIN -> List.of(
                    rule(role, ResourceType.TOPIC, catalogue.prefix(), PatternType.PREFIXED, ALL),
                    rule(role, ResourceType.GROUP, catalogue.prefix(), PatternType.PREFIXED, ALL),
                    rule(role, ResourceType.TRANSACTIONAL_ID, catalogue.prefix(), PatternType.PREFIXED, DESCRIBE),
                    // Describing and creating ACLs (swarm acls --apply) are operations on the cluster.
                    rule(role, ResourceType.CLUSTER, CLUSTER_NAME, PatternType.LITERAL, DESCRIBE, ALTER));
        };
    }

    private static ServiceAcl literalTopic(ServiceRole role, String topic, Set<AclOperation> operations) {
        return new ServiceAcl(role, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), operations);
    }

    private static ServiceAcl rule(ServiceRole role, ResourceType type, String name, PatternType pattern,
                                   AclOperation... operations) {
        return new ServiceAcl(role, new ResourcePattern(type, name, pattern), EnumSet.of(operations[0], operations));
    }
}
