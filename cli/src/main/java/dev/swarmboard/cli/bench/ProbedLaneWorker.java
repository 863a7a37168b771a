package dev.swarmboard.cli.bench;

import dev.swarmboard.lane.service.LaneWorkerMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A lane-worker JVM that measures its own heap: {@link #main} runs {@link LaneWorkerMain} with a
 * {@link HeapPeak} sampling every 50 ms and, when the process is stopped, writes the reading to the
 * file named by the system property {@value #REPORT_PROPERTY}. {@link #start} launches it on this
 * JVM's class path, configured only by the given environment, like the lane bench's worker processes.
 */
public final class ProbedLaneWorker {

    static final String REPORT_PROPERTY = "swarm.bench.heap-report";
    static final String MAX_HEAP = "-Xmx384m";
    private static final Duration SAMPLE_INTERVAL = Duration.ofMillis(50);

    private ProbedLaneWorker() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path report = Path.of(System.getProperty(REPORT_PROPERTY));
        HeapPeak heap = HeapPeak.start(SAMPLE_INTERVAL);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> write(report, heap.reading()), "heap-report"));
        LaneWorkerMain.main(args);
    }

    /** Starts the worker JVM; its output goes to {@code log}, its heap reading to {@code report} on exit. */
    static Process start(Map<String, String> environment, Path log, Path report) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, MAX_HEAP, "-D" + REPORT_PROPERTY + "=" + report,
                "-cp", System.getProperty("java.class.path"), ProbedLaneWorker.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("SWARM_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Stops the worker (SIGTERM, graceful) and returns the heap reading it wrote on its way out. */
    static Optional<HeapPeak.Reading> stop(Process worker, Path report) throws InterruptedException {
        worker.destroy();
        if (!worker.waitFor(60, TimeUnit.SECONDS)) {
            worker.destroyForcibly().waitFor();
            return Optional.empty();
        }
        return read(report);
    }

    private static void write(Path report, HeapPeak.Reading reading) {
        try {
            Files.writeString(report, reading.peakUsedBytes() + " " + reading.peakAfterGcBytes() + " "
                    + reading.maxBytes() + " " + reading.samples() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the heap reading to " + report, e);
        }
    }

    static Optional<HeapPeak.Reading> read(Path report) {
        if (!Files.exists(report)) {
            return Optional.empty();
        }
        try {
            List<Long> numbers = List.of(Files.readString(report).strip().split(" ")).stream()
                    .map(Long::valueOf).toList();
            return Optional.of(new HeapPeak.Reading(numbers.get(0), numbers.get(1), numbers.get(2), numbers.get(3)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the heap reading " + report, e);
        }
    }
}
