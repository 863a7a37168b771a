package dev.swarmboard.localkafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The server properties of one combined KRaft node, derived from the planned cluster. Internal topics get as
 * many replicas as there are nodes, with a min ISR that still accepts writes when one of three nodes is down.
 */
final class BrokerProperties {

    private static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** Kafka's 128 MiB default is allocated on the heap per broker; local compacted topics are small. */
    private static final String CLEANER_DEDUPE_BUFFER_BYTES = String.valueOf(16 * 1024 * 1024);

    private BrokerProperties() {
    }

    static Map<String, String> of(String host, NodeSpec node, List<NodeSpec> cluster, Duration startupTimeout) {
        String replicas = String.valueOf(cluster.size());
        String minIsr = cluster.size() == 1 ? "1" : "2";
        Map<String, String> props = new TreeMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(node.id()));
        props.put("log.dirs", node.logDir().toString());
        props.put("listeners", BROKER_LISTENER + "://" + host + ":" + node.brokerPort()
                + "," + CONTROLLER_LISTENER + "://" + host + ":" + node.controllerPort());
        props.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + node.brokerPort());
        props.put("listener.security.protocol.map",
                BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("controller.quorum.voters", voters(host, cluster));
        // Kafka then gives up on its own, instead of blocking a start thread nobody waits for any more.
        props.put("server.max.startup.time.ms", String.valueOf(startupTimeout.toMillis()));
        props.put("default.replication.factor", replicas);
        props.put("min.insync.replicas", minIsr);
        props.put("offsets.topic.replication.factor", replicas);
        props.put("transaction.state.log.replication.factor", replicas);
        props.put("transaction.state.log.min.isr", minIsr);
        props.put("share.coordinator.state.topic.replication.factor", replicas);
        props.put("share.coordinator.state.topic.min.isr", minIsr);
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("log.cleaner.dedupe.buffer.size", CLEANER_DEDUPE_BUFFER_BYTES);
        return props;
    }

    static String bootstrapServers(String host, List<NodeSpec> cluster) {
        return cluster.stream()
                .map(node -> host + ":" + node.brokerPort())
                .collect(Collectors.joining(","));
    }

    private static String voters(String host, List<NodeSpec> cluster) {
        return cluster.stream()
                .map(node -> node.id() + "@" + host + ":" + node.controllerPort())
                .collect(Collectors.joining(","));
    }
}
