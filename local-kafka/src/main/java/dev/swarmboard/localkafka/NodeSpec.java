package dev.swarmboard.localkafka;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One combined node as planned before anything starts: its id, the port clients use, the port the
 * controller quorum uses, and the directory that holds both its logs and the metadata log.
 */
record NodeSpec(int id, int brokerPort, int controllerPort, Path logDir) {

    /**
     * Plans {@code config.nodes()} nodes with ids from 1. Controllers always take free ports: clients never
     * see them and static quorum voters are matched by id, so a restart may move them. Brokers take
     * {@code config.port() + i}, or free ports when the configured port is 0.
     *
     * @param freePorts at least {@code 2 * config.nodes()} distinct free ports
     */
    static List<NodeSpec> layout(LocalKafkaConfig config, Path dataDir, List<Integer> freePorts) {
        int nodes = config.nodes();
        if (freePorts.size() < 2 * nodes) {
            throw new IllegalArgumentException("need " + 2 * nodes + " free ports, got " + freePorts);
        }
        return IntStream.range(0, nodes)
                .mapToObj(i -> new NodeSpec(
                        i + 1,
                        config.port() == 0 ? freePorts.get(nodes + i) : config.port() + i,
                        freePorts.get(i),
                        dataDir.resolve("node-" + (i + 1))))
                .toList();
    }
}
