package dev.swarmboard.cli.bench;

import java.util.Map;

/** Prints the figures of an {@link E2eBench} run, each with what exactly it measures. */
public final class E2eReport {

    private E2eReport() {
    }

    /** Prints every figure; {@code brokerInBenchJvm} says whether the bench JVM's CPU time includes the broker's. */
    public static void print(E2eBench.Result result, boolean brokerInBenchJvm) {
        E2eBench.Settings settings = result.settings();
        int lanes = settings.missions() * result.lanesPerMission();
        System.out.printf("%nend to end: %d missions x %d lanes x %d stages, instant scripted model, %d missions in "
                        + "flight, 1 lane-worker JVM running %d lanes at once; broker %s; load average %.1f -> %.1f "
                        + "on %d cores%n", settings.missions(), result.lanesPerMission(),
                result.stageOverheadByStage().size(), settings.inFlight(),
                settings.laneConcurrency(), settings.bootstrap(), result.loadBefore(), result.loadAfter(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("throughput  %d missions in %.1f s = %.2f missions/s, %.1f lanes/s; %d of %d passed in round 1%n",
                settings.missions(), result.seconds(), settings.missions() / result.seconds(), lanes / result.seconds(),
                result.round1Passes(), settings.missions());
        System.out.println();
        System.out.println("1. mission latency: bench clock before sending SubmitMission -> its reader reads DigestPublished");
        System.out.println("   " + result.missionLatency().render());
        System.out.println("   where it goes (when the bench's read-committed reader read each step):");
        printRows(result.latencySegments());
        System.out.println();
        System.out.println("2. stage overhead: StageCompleted.occurredAt - occurredAt of the previous receipt of the same");
        System.out.println("   lane attempt (LaneStarted, StageCompleted or ToolReceipt) - StageCompleted.latencyMs");
        System.out.println("   " + result.stageOverhead().render());
        printRows(result.stageOverheadByStage());
        System.out.println("   lane attempt, LaneStarted -> LaneYielded: " + result.laneDuration().render());
        System.out.println();
        printCpu(result.cpu(), lanes, result.seconds(), brokerInBenchJvm);
        System.out.println();
        System.out.println("4. heap, sampled every 50 ms over the whole run (warm-up included)");
        System.out.println("   lane-worker JVM (" + ProbedLaneWorker.MAX_HEAP + ", " + settings.laneConcurrency()
                + " lanes at once): " + result.workerHeap().map(HeapPeak.Reading::render)
                .orElse("no reading (the worker did not stop cleanly)"));
        System.out.println("   bench JVM (broker, orchestrator, verifier, digest, reader): "
                + result.benchJvmHeap().render());
        System.out.println();
        System.out.println("5. ingest and replay against Kafka's tools on the same broker");
        IngestReplayBench.print(result.ingest());
        System.out.println();
        System.out.println("logs, reports and heap reading in " + result.dir());
    }

    private static void printCpu(CpuWindow.Reading cpu, int lanes, double seconds, boolean brokerInBenchJvm) {
        String benchJvm = brokerInBenchJvm ? "broker, orchestrator, verifier, digest, bench reader"
                : "orchestrator, verifier, digest, bench reader; the broker runs elsewhere and is not counted";
        System.out.println("3. CPU time (user + system, all threads) over the measured missions only");
        System.out.printf("   bench JVM (%s): %.2f s%n", benchJvm, cpu.benchJvmNanos() / 1e9);
        System.out.println("   lane-worker JVM: " + cpu.workerNanos().map(nanos -> String.format("%.2f s", nanos / 1e9))
                .orElse("not known (the system gave no CPU time for it; the total below lacks it)"));
        double perLaneMs = cpu.totalNanos() / 1e6 / lanes;
        System.out.printf("   CPU per lane %.1f ms (%.2f s / %d lanes) = %.1f lanes per CPU-second (lanes/s per core); "
                + "wall %.1f lanes/s using %.2f cores%n", perLaneMs, cpu.totalNanos() / 1e9, lanes,
                1000 / perLaneMs, lanes / seconds, cpu.totalNanos() / 1e9 / seconds);
        System.out.println("   bench JVM by thread name (digits as #), ms per lane, the largest 12:");
        cpu.threads().entrySet().stream().limit(12).forEach(thread -> System.out.printf("     %6.1f  %s%n",
                thread.getValue() / 1e6 / lanes, thread.getKey()));
        System.out.printf("     %6.1f  the JVM's own threads (GC, JIT compiler) and threads that ended in the window%n",
                cpu.unlistedThreadsNanos() / 1e6 / lanes);
        if (!cpu.requests().isEmpty()) {
            StringBuilder requests = new StringBuilder(String.format("   broker requests per lane %.1f:",
                    cpu.requests().values().stream().mapToLong(Long::longValue).sum() / (double) lanes));
            cpu.requests().entrySet().stream().filter(api -> api.getValue() > 0).limit(14).forEach(api ->
                    requests.append(String.format(" %s %.1f", api.getKey(), api.getValue() / (double) lanes)));
            System.out.println(requests);
        }
    }

    private static void printRows(Map<String, Summary> rows) {
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        rows.forEach((name, summary) -> System.out.printf("     %-" + width + "s  %s%n", name, summary.render()));
    }
}
