package dev.swarmboard.cli;

import dev.swarmboard.acl.Principals;
import dev.swarmboard.acl.ServiceRole;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** How {@code swarm acls}, {@code manifests kafka-users} and {@code broker --secure} name each service's user. */
final class PrincipalOptions {

    @Option(names = "--principal-prefix", defaultValue = ServiceRole.DEFAULT_PRINCIPAL_PREFIX, paramLabel = "PREFIX",
            description = "User names are <PREFIX><service> (default '${DEFAULT-VALUE}').")
    String prefix;

    @Option(names = "--principal", paramLabel = "SERVICE=USER",
            description = "The user of one service instead (services: orchestrator, lane-worker, verifier, digest, "
                    + "cli, backlog, admin); repeatable.")
    Map<String, String> named = Map.of();

    Principals resolve() {
        Map<ServiceRole, String> overrides = new EnumMap<>(ServiceRole.class);
        named.forEach((service, user) -> {
            try {
                overrides.put(ServiceRole.ofId(service), user);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--principal " + service + "=" + user + ": " + e.getMessage());
            }
        });
        return new Principals(prefix, overrides);
    }
}
