package dev.swarmboard.cli.bench;

import java.util.Map;

/** Prints the figures of an {@link E2eBench} run, each with what exactly it measures. */
public final class E2eReport {

    private E2eReport() {
    }

    public static void print(E2eBench.Result result) {
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
        System.out.println("3. heap, sampled every 50 ms over the whole run (warm-up included)");
        System.out.println("   lane-worker JVM (" + ProbedLaneWorker.MAX_HEAP + ", " + settings.laneConcurrency()
                + " lanes at once): " + result.workerHeap().map(HeapPeak.Reading::render)
                .orElse("no reading (the worker did not stop cleanly)"));
        System.out.println("   bench JVM (broker, orchestrator, verifier, digest, reader): "
                + result.benchJvmHeap().render());
        System.out.println();
        System.out.println("4. ingest and replay against Kafka's tools on the same broker");
        IngestReplayBench.print(result.ingest());
        System.out.println();
        System.out.println("logs, reports and heap reading in " + result.dir());
    }

    private static void printRows(Map<String, Summary> rows) {
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        rows.forEach((name, summary) -> System.out.printf("     %-" + width + "s  %s%n", name, summary.render()));
    }
}
