package dev.swarmboard.acl;

import dev.swarmboard.topic.TopicCatalogue;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The derived ACLs as one Strimzi {@code KafkaUser} per service ({@code scram-sha-512}, {@code simple}
 * authorization), so a cluster managed by the User Operator enforces exactly what {@code swarm acls}
 * prints. {@code deploy/kubernetes/kafka-users.yaml} is this output; a test fails when the two drift.
 */
public final class StrimziUsers {

    /** The API version of the KafkaUser resources written. */
    public static final String API_VERSION = "kafka.strimzi.io/v1";

    private StrimziUsers() {
    }

    /** One KafkaUser per service, in the namespace of the Strimzi cluster named. */
    public static String render(TopicCatalogue catalogue, Principals principals, String cluster, String namespace) {
        StringBuilder yaml = new StringBuilder()
                .append("# Generated from TopicCatalogue and ServiceAcls (").append(catalogue.prefix())
                .append(" prefix) by\n")
                .append("#   java -jar cli/target/swarm.jar manifests kafka-users --cluster ").append(cluster)
                .append(" --namespace ").append(namespace).append(" > deploy/kubernetes/kafka-users.yaml\n")
                .append("# One KafkaUser per service (SCRAM-SHA-512) with its least-privilege ACLs; the User Operator\n")
                .append("# writes each user's password and sasl.jaas.config into a Secret of the user's name.\n")
                .append("# Do not edit: KafkaUsersManifestTest fails when this file and the derivation differ.\n");
        for (ServiceRole role : ServiceRole.values()) {
            List<ServiceAcl> rules = ServiceAcls.of(role, catalogue);
            yaml.append("---\n").append("# ").append(role.id()).append(": ").append(role.purpose()).append('\n')
                    .append(document(principals.userName(role), rules, cluster, namespace));
        }
        return yaml.toString();
    }

    private static String document(String user, List<ServiceAcl> rules, String cluster, String namespace) {
        StringBuilder yaml = new StringBuilder()
                .append("apiVersion: ").append(API_VERSION).append('\n')
                .append("kind: KafkaUser\n")
                .append("metadata:\n")
                .append("  name: ").append(user).append('\n')
                .append("  namespace: ").append(namespace).append('\n')
                .append("  labels:\n")
                .append("    strimzi.io/cluster: ").append(cluster).append('\n')
                .append("spec:\n")
                .append("  authentication:\n")
                .append("    type: scram-sha-512\n")
                .append("  authorization:\n")
                .append("    type: simple\n")
                .append("    acls:\n");
        for (ServiceAcl rule : rules) {
            yaml.append("      - resource: ").append(resource(rule)).append('\n')
                    .append("        operations: [")
                    .append(rule.orderedOperations().stream().map(op -> ServiceAcl.camel(op.name(), true))
                            .collect(Collectors.joining(", ")))
                    .append("]\n")
                    .append("        host: \"*\"\n");
        }
        return yaml.toString();
    }

    private static String resource(ServiceAcl rule) {
        ResourceType type = rule.resource().resourceType();
        if (type == ResourceType.CLUSTER) {
            return "{type: cluster}";
        }
        String pattern = rule.resource().patternType() == PatternType.PREFIXED ? "prefix" : "literal";
        return "{type: " + ServiceAcl.camel(type.name(), false) + ", name: " + rule.resource().name()
                + ", patternType: " + pattern + "}";
    }
}
