package dev.swarmboard.lane.bench;

import dev.swarmboard.lane.service.LaneWorkerMain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a {@link LaneWorkerMain} JVM on this JVM's class path, configured only by the given environment
 * (inherited {@code KAFKA_*} and {@code SWARM_*} variables are dropped), logging to a file.
 */
public final class WorkerProcess {

    private WorkerProcess() {
    }

    public static Process start(Map<String, String> environment, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                LaneWorkerMain.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("SWARM_"));
        builder.environment().putAll(environment);
        return builder.start();
    }
}
