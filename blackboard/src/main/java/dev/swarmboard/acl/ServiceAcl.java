package dev.swarmboard.acl;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * One rule of a service's least privilege: the operations it is allowed on one resource (a topic, a
 * group, a transactional id or the cluster, literal or by prefix), from any host.
 *
 * @param role       the service the rule is for
 * @param resource   the resource, literal or prefixed
 * @param operations what the service may do on it, in Kafka's order
 */
public record ServiceAcl(ServiceRole role, ResourcePattern resource, Set<AclOperation> operations) {

    public ServiceAcl {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(resource, "resource");
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("an ACL rule for " + role.id() + " on " + resource + " needs operations");
        }
        operations = Set.copyOf(EnumSet.copyOf(operations));
    }

    /** The operations in Kafka's declaration order, so output is stable. */
    public List<AclOperation> orderedOperations() {
        return EnumSet.copyOf(operations).stream().toList();
    }

    /** The Kafka bindings of this rule: one ALLOW entry per operation for the role's principal. */
    public List<AclBinding> bindings(Principals principals) {
        String principal = principals.principal(role);
        return orderedOperations().stream()
                .map(operation -> new AclBinding(resource,
                        new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)))
                .toList();
    }

    /** {@code topic swarm.missions (literal)}, {@code cluster}. */
    public String describeResource() {
        if (resource.resourceType() == ResourceType.CLUSTER) {
            return "cluster";
        }
        return camel(resource.resourceType().name(), false) + " " + resource.name() + " ("
                + (resource.patternType() == PatternType.PREFIXED ? "prefix" : "literal") + ")";
    }

    /** {@code DESCRIBE_CONFIGS} as Strimzi and the Kafka tools spell it: {@code DescribeConfigs}. */
    static String camel(String constant, boolean capitalFirst) {
        StringBuilder out = new StringBuilder();
        for (String part : constant.toLowerCase(Locale.ROOT).split("_")) {
            out.append(out.length() == 0 && !capitalFirst ? part
                    : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }
}
