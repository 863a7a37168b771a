package dev.swarmboard.cli.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * This JVM's heap while it runs: the peak of {@code MemoryMXBean} heap used, sampled at a fixed
 * interval, and the peak heap still used right after a collection (summed over the heap pools, from
 * the collectors' notifications) — an upper bound of the live data, free of when the GC happens to run.
 */
public final class HeapPeak implements AutoCloseable {

    /** Peak sampled heap used and peak heap used after a GC, in bytes; the heap's maximum size. */
    public record Reading(long peakUsedBytes, long peakAfterGcBytes, long maxBytes, long samples) {

        /** {@code peak used 120.3 MiB, peak after GC 40.1 MiB (max 384.0 MiB, 812 samples)}. */
        public String render() {
            return String.format("peak used %.1f MiB, peak after GC %.1f MiB (max heap %.1f MiB, %d samples)",
                    mib(peakUsedBytes), mib(peakAfterGcBytes), mib(maxBytes), samples);
        }

        private static double mib(long bytes) {
            return bytes / (1024.0 * 1024.0);
        }
    }

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(pool -> pool.getName()).collect(Collectors.toSet());
    private final NotificationListener afterGc = this::onCollection;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "heap-peak");
        thread.setDaemon(true);
        return thread;
    });

    private HeapPeak() {
    }

    /** Starts sampling every {@code interval} and listening to every collector. */
    public static HeapPeak start(Duration interval) {
        HeapPeak peak = new HeapPeak();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(peak.afterGc, null, null);
            }
        }
        peak.sampler.scheduleAtFixedRate(peak::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return peak;
    }

    public Reading reading() {
        return new Reading(peakUsed.get(), peakAfterGc.get(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax(), samples.get());
    }

    private void sample() {
        peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        samples.incrementAndGet();
    }

    private void onCollection(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
        peakAfterGc.accumulateAndGet(used, Math::max);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(afterGc);
                } catch (ListenerNotFoundException e) {
                    throw new IllegalStateException("the heap listener was not on " + collector.getName(), e);
                }
            }
        }
    }
}
