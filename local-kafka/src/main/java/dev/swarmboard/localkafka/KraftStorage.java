package dev.swarmboard.localkafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats the node directories of a new cluster and, on every later start, reads the cluster id back from
 * their {@code meta.properties}: storage is formatted once, so a restart on the same data keeps every event.
 */
final class KraftStorage {

    private static final Logger LOG = LoggerFactory.getLogger(KraftStorage.class);

    private KraftStorage() {
    }

    /**
     * Returns the cluster id, formatting every node first if none has been formatted yet.
     *
     * @param scramArguments SCRAM credentials to bootstrap in a new cluster's metadata, as
     *                       {@code SCRAM-SHA-512=[name=...,password=...]}; empty for none
     */
    static String formatIfNeeded(List<KafkaConfig> nodes, List<String> scramArguments) {
        List<Optional<String>> found = nodes.stream().map(KraftStorage::clusterId).toList();
        Set<String> clusterIds = found.stream().flatMap(Optional::stream).collect(Collectors.toSet());
        if (clusterIds.isEmpty()) {
            String clusterId = Uuid.randomUuid().toString();
            nodes.forEach(node -> format(node, clusterId, scramArguments));
            LOG.info("Formatted {} node(s) for new cluster {}", nodes.size(), clusterId);
            return clusterId;
        }
        if (clusterIds.size() == 1 && found.stream().allMatch(Optional::isPresent)) {
            return clusterIds.iterator().next();
        }
        throw new LocalKafkaException("Node directories " + logDirs(nodes) + " hold cluster ids " + found
                + "; they were formatted for another cluster or another node count");
    }

    private static Optional<String> clusterId(KafkaConfig node) {
        try {
            MetaPropertiesEnsemble ensemble = new MetaPropertiesEnsemble.Loader()
                    .addLogDirs(node.logDirs())
                    .addMetadataLogDir(node.metadataLogDir())
                    .load();
            return ensemble.clusterId();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read meta.properties in " + node.logDirs(), e);
        }
    }

    private static void format(KafkaConfig node, String clusterId, List<String> scramArguments) {
        try {
            new Formatter()
                    // The formatter reports to stdout; our own log line says what happened.
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(node.nodeId())
                    .setClusterId(clusterId)
                    .setControllerListenerName(node.controllerListenerNames().get(0))
                    .setMetadataLogDirectory(node.metadataLogDir())
                    .setDirectories(node.logDirs())
                    // Voters come from the static controller.quorum.voters setting (kraft.version 0).
                    .setHasDynamicQuorum(false)
                    .setScramArguments(scramArguments)
                    .run();
        } catch (Exception e) {
            // The formatter's message may quote a SCRAM argument, password included: name the node only.
            throw new LocalKafkaException("Could not format " + node.logDirs() + " for node " + node.nodeId()
                    + " (" + e.getClass().getSimpleName() + ")", scramArguments.isEmpty() ? e : null);
        }
    }

    private static List<String> logDirs(List<KafkaConfig> nodes) {
        return nodes.stream().flatMap(node -> node.logDirs().stream()).toList();
    }
}
