package dev.swarmboard.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * How many requests of each API the broker in this JVM has handled so far, from its request metrics
 * ({@code kafka.network:type=RequestMetrics,name=RequestsPerSec}, every version summed); empty when no
 * broker runs in this JVM. Requests, not bytes, are what a broker spends its CPU on at this scale.
 */
final class BrokerRequests {

    private static final String PATTERN = "kafka.network:type=RequestMetrics,name=RequestsPerSec,*";
    /** Fetches counted a second time by who sent them; {@code Fetch} already counts each. */
    private static final Set<String> SUBSETS = Set.of("FetchConsumer", "FetchFollower");

    private BrokerRequests() {
    }

    static Map<String, Long> counts() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<String, Long> counts = new HashMap<>();
        try {
            for (ObjectName name : server.queryNames(new ObjectName(PATTERN), null)) {
                String api = name.getKeyProperty("request");
                if (api != null && !SUBSETS.contains(api)) {
                    counts.merge(api, ((Number) server.getAttribute(name, "Count")).longValue(), Long::sum);
                }
            }
        } catch (JMException e) {
            throw new IllegalStateException("cannot read the broker's request metrics", e);
        }
        return counts;
    }
}
