package dev.swarmboard.acl;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The derived ACLs as text, one block per service: its principal and purpose, then one line per resource
 * with the operations allowed on it. What {@code swarm acls} prints.
 */
public final class AclListing {

    private AclListing() {
    }

    public static String render(List<ServiceAcl> rules, Principals principals) {
        StringBuilder out = new StringBuilder();
        ServiceRole current = null;
        for (ServiceAcl rule : rules) {
            if (rule.role() != current) {
                current = rule.role();
                out.append(out.length() == 0 ? "" : "\n").append(principals.principal(current))
                        .append("  # ").append(current.id()).append(": ").append(current.purpose()).append('\n');
            }
            out.append("  ").append(rule.describeResource()).append(": ")
                    .append(rule.orderedOperations().stream().map(op -> ServiceAcl.camel(op.name(), true))
                            .collect(Collectors.joining(", ")))
                    .append('\n');
        }
        return out.toString();
    }
}
