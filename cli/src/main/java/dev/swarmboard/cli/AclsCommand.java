package dev.swarmboard.cli;

import dev.swarmboard.acl.AclApplier;
import dev.swarmboard.acl.AclListing;
import dev.swarmboard.acl.Principals;
import dev.swarmboard.acl.ServiceAcl;
import dev.swarmboard.acl.ServiceAcls;
import dev.swarmboard.topic.TopicCatalogue;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code swarm acls}: prints each service's least-privilege ACLs, derived from the topic catalogue and the
 * services' group and transactional-id names; with {@code --apply} creates them through the Admin API.
 */
@Command(name = "acls", description = "Print (or --apply) the least-privilege ACLs of every service.")
final class AclsCommand implements Callable<Integer> {

    @Option(names = "--apply", description = "Create the ACLs on the cluster (needs a principal allowed to alter "
            + "the cluster's ACLs, e.g. the admin's --kafka-config).")
    boolean apply;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    PrincipalOptions principalOptions;

    @Override
    public Integer call() {
        TopicCatalogue catalogue = kafka.common().catalogue();
        Principals principals = principalOptions.resolve();
        List<ServiceAcl> rules = ServiceAcls.derive(catalogue);
        System.out.print(AclListing.render(rules, principals));
        if (apply) {
            try (Admin admin = Admin.create(kafka.reachableClientProperties())) {
                int created = AclApplier.apply(admin, rules, principals);
                System.out.println();
                System.out.println("applied " + created + " ACL bindings for " + rules.stream()
                        .map(rule -> principals.principal(rule.role())).distinct().count() + " principals");
            }
        }
        return 0;
    }
}
