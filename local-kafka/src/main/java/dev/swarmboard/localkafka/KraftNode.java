package dev.swarmboard.localkafka;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import kafka.server.BrokerServer;
import kafka.server.ControllerServer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.server.Server;
import kafka.server.SharedServer;
import kafka.server.StandardFaultHandlerFactory;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.raft.QuorumConfig;
import org.apache.kafka.server.ServerSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * One combined broker+controller node in this JVM, assembled from the same parts as
 * {@code kafka.server.KafkaRaftServer}, which shuts its broker and controller down together. Here they stop
 * separately, so a cluster can keep its controller quorum until every broker's controlled shutdown is granted.
 */
final class KraftNode {

    private static final Logger LOG = LoggerFactory.getLogger(KraftNode.class);

    private final ControllerServer controller;
    private final BrokerServer broker;

    KraftNode(KafkaConfig config) {
        Tuple2<MetaPropertiesEnsemble, BootstrapMetadata> storage =
                KafkaRaftServer.initializeLogDirs(config, LOG, "[node " + config.nodeId() + "] ");
        Metrics metrics = Server.initializeMetrics(config, Time.SYSTEM, storage._1().clusterId().orElseThrow());
        Map<Integer, InetSocketAddress> voters =
                QuorumConfig.parseVoterConnections(config.quorumConfig().voters());
        // Static voters: no controller.quorum.bootstrap.servers. A fatal metadata fault halts the JVM, as in
        // a standalone broker: an in-process broker that lost its metadata must not keep serving.
        SharedServer shared = new SharedServer(config, storage._1(), Time.SYSTEM, metrics,
                CompletableFuture.completedFuture(voters), List.of(),
                new StandardFaultHandlerFactory(), ServerSocketFactory.INSTANCE);
        this.controller = new ControllerServer(shared, KafkaRaftServer.configSchema(), storage._2());
        this.broker = new BrokerServer(shared);
    }

    /** Blocks until the broker is unfenced, which needs a majority of the cluster's controllers running. */
    void startup() {
        controller.startup();
        broker.startup();
    }

    /** A controlled shutdown: the broker waits, at most {@code timeout}, for a controller to let it go. */
    void shutdownBroker(Duration timeout) {
        broker.shutdown(timeout);
        broker.awaitShutdown();
    }

    void shutdownController() {
        controller.shutdown();
        controller.awaitShutdown();
    }
}
