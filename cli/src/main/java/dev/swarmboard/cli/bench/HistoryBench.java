package dev.swarmboard.cli.bench;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.cli.audit.MissionAudit;
import dev.swarmboard.cli.stack.SwarmStack;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.topic.TopicCatalogue;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code swarm bench history}: the same stack as {@link E2eBench} on one set of topics; at each
 * history size (cumulative, ascending) it first writes the missing events of history
 * ({@link HistoryWriter}), runs a warm-up that also lets every service catch up, then measures
 * missions one at a time (latency, task → LaneStarted, and where the lane starts went by the lane
 * worker's log, {@link LaneStartParts}), missions/s with ten in flight, and a cold replay (read + audit)
 * of one mission.
 */
public final class HistoryBench {

    /** What to run. */
    public record Settings(String bootstrap, List<Long> sizes, int missions, int throughputMissions, int warmup,
                           int laneConcurrency, java.time.Duration timeout, Path capabilities, Path workflows,
                           Path workDir) {
    }

    /** The figures at one history size; latencies in milliseconds. */
    public record Point(long history, Summary missionLatency, Summary laneStart, LaneStartParts laneStartParts,
                        double missionsPerSecond, double replayMs, int replayEvents) {
    }

    private static final String LOG_LEVEL = "SWARM_LOG_LEVEL";

    private HistoryBench() {
    }

    public static List<Point> run(Settings settings, SubmitMission template, PrintStream progress) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Path dir = Files.createDirectories(settings.workDir().resolve(run).toAbsolutePath());
        TopicCatalogue catalogue = TopicCatalogue.withPrefix("bench-history-" + run + ".");
        Map<String, Object> client = Map.of("bootstrap.servers", settings.bootstrap());
        BlackboardSetup.provision(client, catalogue);
        Codecs codecs = BlackboardSetup.prepare(client, catalogue);
        E2eBench.Settings stackSettings = new E2eBench.Settings(settings.bootstrap(), settings.missions(),
                settings.warmup(), 10, settings.laneConcurrency(), settings.timeout(), Duration.ZERO, 0, settings.capabilities(),
                settings.workflows(), dir);
        Map<String, String> workerEnvironment = new HashMap<>(E2eBench.workerEnvironment(stackSettings, catalogue, dir));
        // INFO, so the worker logs where each lane start went (LaneStartParts reads it back).
        workerEnvironment.put(LOG_LEVEL, "INFO");
        Process worker = ProbedLaneWorker.start(workerEnvironment, dir.resolve("lane-worker.log"),
                dir.resolve("lane-worker.heap"));
        List<Point> points = new ArrayList<>();
        try (SwarmStack stack = SwarmStack.start(E2eBench.stackEnvironment(stackSettings, catalogue, dir), 0)) {
            if (!stack.awaitReady(E2eBench.READY_TIMEOUT)) {
                throw new IllegalStateException("the services were not ready within "
                        + E2eBench.READY_TIMEOUT.toSeconds() + " s");
            }
            E2eBench.awaitLaneSlots(client, catalogue.prefix() + "lane-workers", settings.laneConcurrency(), worker);
            long written = 0;
            for (long size : settings.sizes()) {
                long started = System.nanoTime();
                HistoryWriter.write(client, catalogue, codecs.events().codec(), run + "-" + size, size - written);
                progress.printf("history %,d events: wrote %,d in %.1f s%n", size, size - written,
                        (System.nanoTime() - started) / 1e9);
                written = size;
                points.add(measure(settings, template, client, catalogue, codecs, run + "-h" + size, size,
                        dir.resolve("lane-worker.log"), progress));
            }
        } finally {
            ProbedLaneWorker.stop(worker, dir.resolve("lane-worker.heap"));
        }
        return points;
    }

    private static Point measure(Settings settings, SubmitMission template, Map<String, Object> client,
                                 TopicCatalogue catalogue, Codecs codecs, String tag, long history,
                                 Path workerLog, PrintStream progress) throws IOException {
        try (MissionTraffic traffic = new MissionTraffic(client, catalogue, codecs)) {
            progress.printf("  warm-up %d missions (the services catch up on the history)%n", settings.warmup());
            traffic.drive(E2eBench.copies(template, tag + "-warmup", settings.warmup()), 10, settings.timeout());
            progress.printf("  %d missions one at a time%n", settings.missions());
            MissionTimings single = traffic.drive(E2eBench.copies(template, tag + "-single", settings.missions()), 1,
                    settings.timeout());
            progress.printf("  %d missions, 10 in flight%n", settings.throughputMissions());
            long start = System.nanoTime();
            traffic.drive(E2eBench.copies(template, tag + "-flight", settings.throughputMissions()), 10,
                    settings.timeout());
            double seconds = (System.nanoTime() - start) / 1e9;
            List<MissionTiming> missions = single.completed();
            String replayed = missions.get(missions.size() - 1).missionId();
            long replayStart = System.nanoTime();
            MissionLog log;
            try (BlackboardReader reader = new BlackboardReader(client, catalogue, codecs)) {
                log = reader.readMission(replayed);
            }
            MissionAudit.audit(log, codecs.events().codec(), null);
            double replayMs = (System.nanoTime() - replayStart) / 1e6;
            return new Point(history, Summary.of(missions.stream().map(MissionTiming::latencyMs).toList()),
                    Summary.of(missions.stream().map(mission -> mission.segmentsMs()
                            .get("PlanIssued -> first LaneStarted")).toList()),
                    LaneStartParts.read(workerLog, missions.stream().map(MissionTiming::missionId)
                            .collect(Collectors.toSet())),
                    settings.throughputMissions() / seconds, replayMs, log.events().size());
        }
    }

    /** One line per size with each figure and its ratio to the empty board (the first size). */
    public static void print(List<Point> points, String load, PrintStream out) {
        Point base = points.get(0);
        out.println();
        out.println("history independence (ratio to the first size in parentheses)");
        out.printf("%12s  %22s  %22s  %22s  %16s  %20s%n", "history", "mission p50", "mission p99",
                "task->LaneStarted p50", "missions/s (10)", "replay one mission");
        for (Point point : points) {
            out.printf("%,12d  %11d ms (%4.2fx)  %11d ms (%4.2fx)  %11d ms (%4.2fx)  %7.2f (%4.2fx)  %8.0f ms (%4.2fx)%n",
                    point.history(), point.missionLatency().p50(), ratio(point.missionLatency().p50(),
                            base.missionLatency().p50()),
                    point.missionLatency().p99(), ratio(point.missionLatency().p99(), base.missionLatency().p99()),
                    point.laneStart().p50(), ratio(point.laneStart().p50(), base.laneStart().p50()),
                    point.missionsPerSecond(), point.missionsPerSecond() / base.missionsPerSecond(),
                    point.replayMs(), point.replayMs() / base.replayMs());
        }
        out.println("lane start parts, missions one at a time (LaneStartTimes in docs/lane-worker.md)");
        for (Point point : points) {
            out.printf("%,12d  first lane of each mission: %s%n", point.history(),
                    LaneStartParts.render(point.laneStartParts().firstLanes()));
            out.printf("%12s  every lane:                 %s%n", "", LaneStartParts.render(point.laneStartParts().allLanes()));
        }
        out.println("load average (/proc/loadavg): " + load);
    }

    private static double ratio(long value, long base) {
        return base == 0 ? Double.NaN : (double) value / base;
    }
}
