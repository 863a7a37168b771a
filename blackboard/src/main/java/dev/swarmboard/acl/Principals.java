package dev.swarmboard.acl;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The SCRAM user each service runs as: {@code <prefix><id>} ({@code swarm-lane-worker}) unless a name is
 * given for that service.
 *
 * @param prefix    prepended to a service's id when it has no name of its own
 * @param overrides names given per service
 */
public record Principals(String prefix, Map<ServiceRole, String> overrides) {

    public Principals {
        Objects.requireNonNull(prefix, "prefix");
        overrides = overrides.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(overrides));
    }

    /** {@code swarm-<id>} for every service. */
    public static Principals defaults() {
        return withPrefix(ServiceRole.DEFAULT_PRINCIPAL_PREFIX);
    }

    /** {@code <prefix><id>} for every service. */
    public static Principals withPrefix(String prefix) {
        return new Principals(prefix, Map.of());
    }

    /** The user name of {@code role}. */
    public String userName(ServiceRole role) {
        return overrides.getOrDefault(role, role.userName(prefix));
    }

    /** {@code User:<name>}, as ACL entries name principals. */
    public String principal(ServiceRole role) {
        return "User:" + userName(role);
    }
}
