package dev.swarmboard.acl;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;

/**
 * Applies derived ACLs through the Admin API ({@code createAcls}). Creating a binding that exists already
 * is a no-op in Kafka, so applying twice is safe; nothing is ever deleted here.
 */
public final class AclApplier {

    private static final long TIMEOUT_SECONDS = 60;

    private AclApplier() {
    }

    /** Creates every binding of {@code rules} for the services' principals; returns how many. */
    public static int apply(Admin admin, List<ServiceAcl> rules, Principals principals) {
        List<AclBinding> bindings = rules.stream().flatMap(rule -> rule.bindings(principals).stream()).toList();
        try {
            admin.createAcls(bindings).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create ACLs: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("ACLs were not created within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating ACLs", e);
        }
        return bindings.size();
    }
}
