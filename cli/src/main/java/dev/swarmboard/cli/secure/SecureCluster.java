package dev.swarmboard.cli.secure;

import dev.swarmboard.acl.AclApplier;
import dev.swarmboard.acl.Principals;
import dev.swarmboard.acl.ServiceAcls;
import dev.swarmboard.acl.ServiceRole;
import dev.swarmboard.localkafka.LocalKafka;
import dev.swarmboard.localkafka.SecureUsers;
import dev.swarmboard.topic.TopicCatalogue;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * A secured local broker set up for Swarmboard: one SCRAM user per service (the admin's is the super user),
 * every service's ACLs applied for a topic prefix, and one client configuration file per service.
 */
public final class SecureCluster {

    private SecureCluster() {
    }

    /** The SCRAM users of a secured broker: the admin as super user, every other service as itself. */
    public static SecureUsers users(Principals principals) {
        return new SecureUsers(principals.userName(ServiceRole.ADMIN), Arrays.stream(ServiceRole.values())
                .filter(role -> role != ServiceRole.ADMIN).map(principals::userName).toList());
    }

    /** Applies every service's ACLs for {@code catalogue} as the admin; returns how many bindings. */
    public static int applyAcls(LocalKafka kafka, Principals principals, TopicCatalogue catalogue) {
        Map<String, Object> admin = new HashMap<>(kafka.clientProperties(principals.userName(ServiceRole.ADMIN)));
        try (Admin client = Admin.create(admin)) {
            return AclApplier.apply(client, ServiceAcls.derive(catalogue), principals);
        }
    }

    /** Writes one client configuration file per service into {@code dir}; returns each service's file. */
    public static Map<ServiceRole, Path> writeClientConfigs(LocalKafka kafka, Principals principals, Path dir) {
        Map<String, Path> byUser = kafka.writeClientConfigs(dir);
        Map<ServiceRole, Path> byRole = new EnumMap<>(ServiceRole.class);
        for (ServiceRole role : ServiceRole.values()) {
            byRole.put(role, byUser.get(principals.userName(role)));
        }
        return byRole;
    }
}
