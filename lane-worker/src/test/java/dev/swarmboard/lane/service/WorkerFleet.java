package dev.swarmboard.lane.service;

import dev.swarmboard.lane.bench.WorkerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Lane-worker JVMs of one test, by instance id, with the signals chaos tests send them: SIGKILL, SIGSTOP
 * and SIGCONT. Closing kills every process it started and every descendant (tool runs), and waits for
 * them to exit, so no worker outlives its test.
 */
final class WorkerFleet implements AutoCloseable {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    private final LaneTestBed bed;
    private final Path registry;
    private final Path dir;
    private final Map<String, Process> workers = new LinkedHashMap<>();
    private final List<ProcessHandle> started = new ArrayList<>();

    WorkerFleet(LaneTestBed bed, Path registry, Path dir) {
        this.bed = bed;
        this.registry = registry;
        this.dir = dir;
    }

    /** Starts worker {@code instance} with {@code concurrency} lane slots. */
    void start(String instance, int concurrency) throws IOException {
        Process process = WorkerProcess.start(bed.environment(instance, registry, concurrency, dir.resolve("ws-" + instance)),
                log(instance));
        workers.put(instance, process);
        started.add(process.toHandle());
    }

    Path log(String instance) {
        return dir.resolve(instance + ".log");
    }

    String logText(String instance) throws IOException {
        return Files.readString(log(instance));
    }

    /** The worker that wrote {@code lane-worker/<instance>} into an event. */
    static String instanceOf(String worker) {
        return worker.substring(worker.indexOf('/') + 1);
    }

    /** kill -9: the JVM dies with no chance to acknowledge or release anything. */
    void kill(String instance) throws Exception {
        Process process = workers.remove(instance);
        process.destroyForcibly();
        if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("worker " + instance + " survived SIGKILL");
        }
    }

    void freeze(String instance) throws Exception {
        signal(instance, "-STOP");
    }

    void resume(String instance) throws Exception {
        signal(instance, "-CONT");
    }

    private void signal(String instance, String signal) throws Exception {
        long pid = workers.get(instance).pid();
        Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill " + signal + " " + pid + " exited " + kill.exitValue());
        }
    }

    @Override
    public void close() throws Exception {
        for (ProcessHandle handle : started) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
        }
        for (ProcessHandle handle : started) {
            handle.onExit().get(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        workers.clear();
    }
}
