package dev.swarmboard.cli.bench;

import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.verifier.bench.SyntheticMission;
import dev.swarmboard.verifier.service.VerifierConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToLongFunction;

/**
 * {@code swarm bench verifier-restart}: how soon verdicts resume after a verifier JVM is SIGKILLed
 * mid-mission (missions still arriving) and started again on the same state directory, next to a
 * clean SIGTERM restart in the same run. Each restart is timed from the new JVM's start to the
 * interrupted mission's and a new mission's verdicts being readable (read_committed), with the
 * breakdown JVM start → service started (health server up) → Kafka Streams RUNNING → first verdict.
 */
public final class VerifierRestartBench {

    /** What to run: {@code repetitions} restarts of each kind, the kind that goes first alternating. */
    public record Settings(String bootstrap, int repetitions, List<String> jvmOptions, String kafkaLogLevel,
                           Duration timeout, Path workDir) {
    }

    /** How the previous JVM ended. */
    public enum Stop { SIGKILL, SIGTERM }

    /** One restart; every figure in milliseconds from the new JVM's start, except {@code runningToVerdict}. */
    public record Restart(Stop stop, long started, long running, long runningToVerdict, long interrupted,
                          long fresh) {

        /** Both verdicts readable. */
        public long resumed() {
            return Math.max(interrupted, fresh);
        }
    }

    /** The restarts and, per repetition, the two baselines of {@link RestartBaselines}, in milliseconds. */
    public record Report(List<Restart> restarts, List<Long> jvmMillis, List<Long> staticRejoinMillis) {
    }

    private static final Duration TRAFFIC_INTERVAL = Duration.ofMillis(20);

    private VerifierRestartBench() {
    }

    public static Report run(Settings settings, PrintStream out) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Path dir = Files.createDirectories(settings.workDir().resolve(run).toAbsolutePath());
        TopicCatalogue catalogue = TopicCatalogue.withPrefix("bench-restart-" + run + ".");
        Map<String, Object> client = Map.of("bootstrap.servers", settings.bootstrap());
        BlackboardSetup.provision(client, catalogue);
        Map<String, String> env = Map.of(CommonConfig.BOOTSTRAP.env(), settings.bootstrap(),
                CommonConfig.TOPIC_PREFIX.env(), catalogue.prefix(), CommonConfig.INSTANCE_ID.env(), "restarted-verifier",
                VerifierConfig.STATE_DIR.env(), dir.resolve("state").toString(),
                "SWARM_KAFKA_LOG_LEVEL", settings.kafkaLogLevel(), "SWARM_LOG_LEVEL", "INFO");
        Path log = dir.resolve("verifier.log");
        out.println("verifier logs and state in " + dir);
        List<Restart> restarts = new ArrayList<>();
        List<Long> jvm = new ArrayList<>();
        List<Long> rejoin = new ArrayList<>();
        String rawGroup = catalogue.prefix() + "static-baseline";
        RestartBaselines.staticRejoinMillis(client, rawGroup, "baseline-1", catalogue.blackboard(), settings.timeout());
        try (BlackboardWriter writer = BlackboardWriter.create(client, catalogue, Codecs.create(), "restart-bench");
             VerdictWatch watch = new VerdictWatch(client, catalogue.blackboard());
             CommittedOffsets committed = new CommittedOffsets(client, catalogue.clients().verifierApplicationId(),
                     catalogue.blackboard())) {
            List<VerifierProcess> started = new ArrayList<>();
            VerifierProcess verifier = VerifierProcess.start(env, settings.jvmOptions(), log);
            started.add(verifier);
            try {
                verifier.awaitOk("/ready", settings.timeout());
                SyntheticMission warm = mission(run + "-warm", List.of("a"));
                write(writer, complete(warm));
                watch.awaitVerdict(warm.missionId(), settings.timeout());
                for (int repetition = 0; repetition < settings.repetitions(); repetition++) {
                    jvm.add(RestartBaselines.jvmMillis(settings.jvmOptions(), settings.timeout()));
                    rejoin.add(RestartBaselines.staticRejoinMillis(client, rawGroup, "baseline-1",
                            catalogue.blackboard(), settings.timeout()));
                    out.printf(Locale.ROOT, "baselines: JVM start to exit of swarm --version %d ms, "
                            + "plain consumer's static rejoin to its assignment %d ms%n", jvm.get(repetition),
                            rejoin.get(repetition));
                    List<Stop> order = repetition % 2 == 0 ? List.of(Stop.SIGKILL, Stop.SIGTERM)
                            : List.of(Stop.SIGTERM, Stop.SIGKILL);
                    for (Stop stop : order) {
                        String tag = run + "-" + repetition + "-" + stop.name().toLowerCase(Locale.ROOT);
                        try (MissionTrickle traffic = new MissionTrickle(writer, tag + "-bg", TRAFFIC_INTERVAL)) {
                            Restarted restart = restart(verifier, stop, env, settings, log, tag, writer, watch,
                                    committed, started);
                            verifier = restart.next();
                            restarts.add(restart.figures());
                            print(restart.figures(), out);
                        }
                    }
                }
            } finally {
                for (VerifierProcess process : started) {
                    process.stop(true);
                }
            }
        }
        return new Report(restarts, jvm, rejoin);
    }

    private record Restarted(VerifierProcess next, Restart figures) {
    }

    private static Restarted restart(VerifierProcess previous, Stop stop, Map<String, String> env, Settings settings,
                                     Path log, String tag, BlackboardWriter writer, VerdictWatch watch,
                                     CommittedOffsets committed, List<VerifierProcess> processes) throws Exception {
        Duration timeout = settings.timeout();
        SyntheticMission interrupted = mission(tag + "-interrupted", List.of("a", "b"));
        List<BlackboardEvent> firstHalf = new ArrayList<>(List.of(interrupted.planIssued()));
        firstHalf.addAll(interrupted.laneAttempt("a", 1, true));
        committed.awaitPast(write(writer, firstHalf), timeout);
        previous.stop(stop == Stop.SIGKILL);
        VerifierProcess next = VerifierProcess.start(env, settings.jvmOptions(), log);
        processes.add(next);
        write(writer, interrupted.laneAttempt("b", 1, true));
        SyntheticMission fresh = mission(tag + "-fresh", List.of("a"));
        write(writer, complete(fresh));
        long started = next.awaitOk("/healthy", timeout);
        long running = next.awaitOk("/ready", timeout);
        long interruptedAt = watch.awaitVerdict(interrupted.missionId(), timeout);
        long freshAt = watch.awaitVerdict(fresh.missionId(), timeout);
        long from = next.startedAt();
        return new Restarted(next, new Restart(stop, millis(started - from), millis(running - from),
                millis(Math.min(interruptedAt, freshAt) - running), millis(interruptedAt - from),
                millis(freshAt - from)));
    }

    static SyntheticMission mission(String id, List<String> lanes) {
        return new SyntheticMission(id, lanes, Instant.now(), Duration.ofHours(1));
    }

    static List<BlackboardEvent> complete(SyntheticMission mission) {
        List<BlackboardEvent> events = new ArrayList<>(List.of(mission.planIssued()));
        mission.plan().getLanes().forEach(lane -> events.addAll(mission.laneAttempt(lane.getLaneId(), 1, true)));
        return events;
    }

    private static List<BlackboardWriter.AppendedEvent> write(BlackboardWriter writer, List<BlackboardEvent> events) {
        List<CompletableFuture<BlackboardWriter.AppendedEvent>> appended = events.stream().map(writer::append).toList();
        writer.flush();
        return appended.stream().map(CompletableFuture::join).toList();
    }

    private static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }

    private static void print(Restart restart, PrintStream out) {
        out.printf(Locale.ROOT, "%-7s restart: started %6d ms  RUNNING %6d ms  RUNNING -> first verdict %6d ms  "
                        + "interrupted verdict %6d ms  new mission verdict %6d ms%n", restart.stop(), restart.started(),
                restart.running(), restart.runningToVerdict(), restart.interrupted(), restart.fresh());
    }

    /** Per kind of stop: the median of each figure, then the raw static-member rejoin for comparison. */
    public static void printSummary(Report report, String load, PrintStream out) {
        List<Restart> restarts = report.restarts();
        out.println();
        out.println("| previous JVM | restarts | started | RUNNING | RUNNING -> first verdict | interrupted verdict "
                + "| new mission verdict | both (median) |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (Stop stop : Stop.values()) {
            List<Restart> of = restarts.stream().filter(r -> r.stop() == stop).toList();
            out.printf(Locale.ROOT, "| %s | %d | %d ms | %d ms | %d ms | %d ms | %d ms | %.1f s |%n", stop, of.size(),
                    median(of, Restart::started), median(of, Restart::running), median(of, Restart::runningToVerdict),
                    median(of, Restart::interrupted), median(of, Restart::fresh),
                    median(of, Restart::resumed) / 1000.0);
        }
        out.printf(Locale.ROOT, "baselines (median): JVM start to exit of swarm --version %d ms; a plain consumer's "
                + "static rejoin to its assignment %d ms%n", median(report.jvmMillis()),
                median(report.staticRejoinMillis()));
        out.println("load " + load + " (/proc/loadavg, 2 cores)");
    }

    private static long median(List<Restart> restarts, ToLongFunction<Restart> figure) {
        return median(restarts.stream().map(figure::applyAsLong).toList());
    }

    /** The middle value (the lower of the two middle ones for an even count). */
    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get((sorted.size() - 1) / 2);
    }
}
