package dev.swarmboard.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CPU time (user + system, every thread) spent over a measured window by this JVM, read from
 * {@code OperatingSystemMXBean.getProcessCpuTime}, and by another process, read from the operating
 * system ({@code ProcessHandle.Info.totalCpuDuration}); this JVM's share is also split by thread name
 * (digits folded to {@code #}) from {@code ThreadMXBean}, so the broker's threads can be told from the
 * services'. CPU time, unlike wall throughput, hardly moves with the load of a shared machine.
 */
final class CpuWindow {

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /**
     * The CPU spent in the window, in nanoseconds; {@code threads} of threads alive at its end, largest
     * first; {@code requests}, the broker's requests handled in the window by API (empty when the broker
     * runs elsewhere), largest first.
     */
    record Reading(long benchJvmNanos, Optional<Long> workerNanos, Map<String, Long> threads,
                   Map<String, Long> requests) {

        long totalNanos() {
            return benchJvmNanos + workerNanos.orElse(0L);
        }

        /** This JVM's CPU outside {@link #threads}: the JVM's own threads (GC, JIT) and threads that ended. */
        long unlistedThreadsNanos() {
            return Math.max(0, benchJvmNanos - threads.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    private final ProcessHandle worker;
    private final long benchJvmStart;
    private final Optional<Duration> workerStart;
    private final Map<Long, Long> threadStart;
    private final Map<String, Long> requestsStart;

    private CpuWindow(ProcessHandle worker) {
        this.worker = worker;
        this.threadStart = threadCpu();
        this.requestsStart = BrokerRequests.counts();
        this.workerStart = worker.info().totalCpuDuration();
        this.benchJvmStart = processCpuNanos();
    }

    /** Opens the window now, for this JVM and {@code worker}. */
    static CpuWindow open(ProcessHandle worker) {
        return new CpuWindow(worker);
    }

    /** What was spent since {@link #open}; the worker's share is empty when the system does not say. */
    Reading close() {
        long benchJvm = processCpuNanos() - benchJvmStart;
        Optional<Long> spentByWorker = workerStart.flatMap(start -> worker.info().totalCpuDuration()
                .map(end -> end.minus(start).toNanos()));
        Map<String, Long> threads = threadsSince();
        Map<String, Long> requests = new HashMap<>();
        BrokerRequests.counts().forEach((api, count) -> requests.put(api, count - requestsStart.getOrDefault(api, 0L)));
        return new Reading(benchJvm, spentByWorker, threads, largestFirst(requests));
    }

    private Map<String, Long> threadsSince() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byName = new HashMap<>();
        threadCpu().forEach((id, nanos) -> {
            ThreadInfo info = threads.getThreadInfo(id);
            if (info != null) {
                byName.merge(DIGITS.matcher(info.getThreadName()).replaceAll("#"),
                        nanos - threadStart.getOrDefault(id, 0L), Long::sum);
            }
        });
        return largestFirst(byName);
    }

    private static Map<String, Long> largestFirst(Map<String, Long> values) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        values.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    private static Map<Long, Long> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
