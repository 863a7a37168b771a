package dev.swarmboard.cli.bench;

import dev.swarmboard.lane.consume.ShareGroupSetup;
import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.cli.stack.StackSettings;
import dev.swarmboard.cli.stack.SwarmStack;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.lane.service.LaneWorkerConfig;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.topic.TopicCatalogue;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * The end-to-end bench: on one broker and fresh topics, the orchestrator, verifier and digest in this
 * JVM and one lane-worker JVM ({@link ProbedLaneWorker}) with an instant scripted model; a warm-up,
 * then N copies of one mission submitted with a bounded number in flight and followed by one reader
 * until each DigestPublished, with the CPU time both JVMs spent meanwhile; then the lane worker's heap
 * reading; then ingest and replay against Kafka's own tools ({@link IngestReplayBench}) on the same
 * broker.
 */
public final class E2eBench {

    static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    static final Duration SAMPLE_INTERVAL = Duration.ofMillis(50);

    /** What to run; {@code capabilities} and {@code workflows} are the ones the mission was validated with. */
    public record Settings(String bootstrap, int missions, int warmup, int inFlight, int laneConcurrency,
                           Duration timeout, Duration ingestSide, int recordBytes, Path capabilities, Path workflows,
                           Path workDir) {
    }

    /** The figures of one run; latencies in milliseconds. */
    public record Result(Settings settings, int lanesPerMission, double seconds, Summary missionLatency,
                         Map<String, Summary> latencySegments, Summary stageOverhead,
                         Map<String, Summary> stageOverheadByStage, Summary laneDuration, int round1Passes,
                         Optional<HeapPeak.Reading> workerHeap, HeapPeak.Reading benchJvmHeap,
                         CpuWindow.Reading cpu, IngestReplayBench.Result ingest, double loadBefore,
                         double loadAfter, Path dir) {
    }

    private E2eBench() {
    }

    public static Result run(Settings settings, SubmitMission template, PrintStream progress) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Path dir = Files.createDirectories(settings.workDir().resolve(run).toAbsolutePath());
        double loadBefore = loadAverage();
        Measured measured = measure(settings, template, run, dir, progress);
        double loadAfter = loadAverage();
        progress.printf("ingest and replay, %d s per side%n", settings.ingestSide().toSeconds());
        IngestReplayBench.Result ingest = IngestReplayBench.run(settings.bootstrap(),
                new IngestReplayBench.Settings(settings.ingestSide(), settings.recordBytes(), 2));
        return result(settings, template, measured, ingest, loadBefore, loadAfter, dir);
    }

    /** What the mission phase yields: the measured missions, their wall time and CPU time, both heap readings. */
    private record Measured(MissionTimings timings, double seconds, CpuWindow.Reading cpu,
                            Optional<HeapPeak.Reading> workerHeap, HeapPeak.Reading benchJvmHeap) {
    }

    private static Measured measure(Settings settings, SubmitMission template, String run, Path dir,
                                    PrintStream progress) throws Exception {
        TopicCatalogue catalogue = TopicCatalogue.withPrefix("bench-e2e-" + run + ".");
        Map<String, Object> client = Map.of("bootstrap.servers", settings.bootstrap());
        BlackboardSetup.provision(client, catalogue);
        Codecs codecs = BlackboardSetup.prepare(client, catalogue);
        Path heapReport = dir.resolve("lane-worker.heap");
        try (HeapPeak heap = HeapPeak.start(SAMPLE_INTERVAL)) {
            Process worker = ProbedLaneWorker.start(workerEnvironment(settings, catalogue, dir),
                    dir.resolve("lane-worker.log"), heapReport);
            MissionTimings timings;
            long start;
            long end;
            CpuWindow.Reading cpu;
            Optional<HeapPeak.Reading> workerHeap = Optional.empty();
            try (SwarmStack stack = SwarmStack.start(stackEnvironment(settings, catalogue, dir), 0);
                 MissionTraffic traffic = new MissionTraffic(client, catalogue, codecs)) {
                if (!stack.awaitReady(READY_TIMEOUT)) {
                    throw new IllegalStateException("the services were not ready within " + READY_TIMEOUT.toSeconds() + " s");
                }
                awaitLaneSlots(client, catalogue.clients().laneWorkerShareGroup(), settings.laneConcurrency(), worker);
                progress.printf("warm-up   %d missions%n", settings.warmup());
                traffic.drive(copies(template, run + "-warmup", settings.warmup()), settings.inFlight(), settings.timeout());
                progress.printf("measuring %d missions, %d in flight%n", settings.missions(), settings.inFlight());
                CpuWindow window = CpuWindow.open(worker.toHandle());
                start = System.nanoTime();
                timings = traffic.drive(copies(template, run, settings.missions()), settings.inFlight(), settings.timeout());
                end = System.nanoTime();
                cpu = window.close();
            } finally {
                workerHeap = ProbedLaneWorker.stop(worker, heapReport);
            }
            return new Measured(timings, (end - start) / 1e9, cpu, workerHeap, heap.reading());
        }
    }

    private static Result result(Settings settings, SubmitMission template, Measured measured,
                                 IngestReplayBench.Result ingest, double loadBefore, double loadAfter, Path dir) {
        List<MissionTiming> missions = measured.timings().completed();
        LaneTimes lanes = measured.timings().lanes();
        Map<String, List<Long>> segments = new LinkedHashMap<>();
        missions.forEach(mission -> mission.segmentsMs().forEach((segment, ms) ->
                segments.computeIfAbsent(segment, name -> new ArrayList<>()).add(ms)));
        return new Result(settings, template.getMission().getLanes().size(), measured.seconds(),
                Summary.of(missions.stream().map(MissionTiming::latencyMs).toList()), summaries(segments),
                Summary.of(lanes.stageOverheadMs()), summaries(lanes.stageOverheadByStageMs()),
                Summary.of(lanes.laneDurationsMs()),
                (int) missions.stream().filter(mission -> mission.rounds() == 1).count(),
                measured.workerHeap(), measured.benchJvmHeap(), measured.cpu(), ingest, loadBefore, loadAfter, dir);
    }

    private static Map<String, Summary> summaries(Map<String, List<Long>> samples) {
        Map<String, Summary> summaries = new LinkedHashMap<>();
        samples.forEach((name, sample) -> summaries.put(name, Summary.of(sample)));
        return summaries;
    }

    /** Copies of the template, each under its own id {@code <template id>-<tag>-<n>}. */
    static List<SubmitMission> copies(SubmitMission template, String tag, int count) {
        List<SubmitMission> copies = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            SubmitMission copy = SubmitMission.newBuilder(template).build();
            copy.getMission().setMissionId(template.getMission().getMissionId() + "-" + tag + "-" + i);
            copies.add(copy);
        }
        return copies;
    }

    static Map<String, String> stackEnvironment(Settings settings, TopicCatalogue catalogue, Path dir) {
        Map<String, String> env = new HashMap<>(new StackSettings(settings.bootstrap(), dir, settings.capabilities(),
                settings.workflows(), dir.resolve("reports"), 0).environment(System.getenv()));
        env.put(CommonConfig.TOPIC_PREFIX.env(), catalogue.prefix());
        return env;
    }

    /** The worker's settings; it also gets this process's {@code KAFKA_*} client settings, like the services here. */
    static Map<String, String> workerEnvironment(Settings settings, TopicCatalogue catalogue, Path dir) {
        Map<String, String> env = new HashMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("KAFKA_")) {
                env.put(name, value);
            }
        });
        env.put(CommonConfig.BOOTSTRAP.env(), settings.bootstrap());
        env.put(CommonConfig.TOPIC_PREFIX.env(), catalogue.prefix());
        env.put(CommonConfig.INSTANCE_ID.env(), "bench-e2e-worker");
        env.put(LaneWorkerConfig.CAPABILITIES.env(), settings.capabilities().toAbsolutePath().toString());
        env.put(LaneWorkerConfig.CONCURRENCY.env(), Integer.toString(settings.laneConcurrency()));
        env.put(LaneWorkerConfig.WORKSPACE.env(), dir.resolve("lane-workspaces").toString());
        return env;
    }

    /** Waits until the worker's share consumers have task partitions assigned: only then can they take a lane. */
    static void awaitLaneSlots(Map<String, Object> client, String group, int slots, Process worker)
            throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(client)) {
            while (ShareGroupSetup.assignedMembers(admin, group) < slots) {
                if (!worker.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the lane worker did not get " + slots + " assigned share "
                            + "consumers in group " + group + (worker.isAlive() ? " in time" : ": it exited"));
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
