package dev.swarmboard.cli;

import dev.swarmboard.cli.bench.CodecBench;
import dev.swarmboard.cli.bench.E2eBench;
import dev.swarmboard.cli.bench.E2eReport;
import dev.swarmboard.cli.bench.HistoryBench;
import dev.swarmboard.cli.bench.LoadAverage;
import dev.swarmboard.cli.bench.IngestReplayBench;
import dev.swarmboard.cli.bench.VerifierRestartBench;
import dev.swarmboard.lane.bench.LaneBench;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.verifier.bench.VerifierBench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code swarm bench …}: benchmarks that print their figures next to raw Kafka's. */
@Command(name = "bench", description = "Benchmarks; each prints its figures.",
        subcommands = {BenchCommand.Codec.class, BenchCommand.Ingest.class, BenchCommand.Lanes.class,
                BenchCommand.Verifier.class, BenchCommand.VerifierRestart.class, BenchCommand.EndToEnd.class, BenchCommand.History.class})
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code swarm bench codec}. */
    @Command(name = "codec", description = "Encode+decode events/s of the blackboard codec (no broker needed).")
    static final class Codec implements Callable<Integer> {

        @Option(names = "--record-bytes", defaultValue = "1024", description = "Approximate event size (default ${DEFAULT-VALUE}).")
        int recordBytes;

        @Option(names = "--seconds", defaultValue = "5", description = "Measured duration (default ${DEFAULT-VALUE}).")
        double seconds;

        @Override
        public Integer call() {
            CodecBench.print(CodecBench.run(recordBytes, seconds), recordBytes);
            return 0;
        }
    }

    /** {@code swarm bench ingest}: blackboard ingest and replay against Kafka's own tools. */
    @Command(name = "ingest", description = "Blackboard ingest and replay events/s against a plain producer sending the "
            + "same bytes, keys and headers, Kafka's ProducerPerformance with a payload file, and a plain consumer of the "
            + "same topic, on the same broker (an embedded one unless --bootstrap is given).")
    static final class Ingest implements Callable<Integer> {

        @Option(names = "--bootstrap", description = "Broker to measure on (default: start an embedded one).")
        String bootstrap;

        @Option(names = "--seconds", defaultValue = "5", description = "Seconds each side runs (default ${DEFAULT-VALUE}).")
        long seconds;

        @Option(names = "--rounds", defaultValue = "2", description = "Rounds; the side that runs first alternates (default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--record-bytes", defaultValue = "1024", description = "Approximate event size (default ${DEFAULT-VALUE}).")
        int recordBytes;

        @Override
        public Integer call() throws Exception {
            try (EmbeddedBroker broker = EmbeddedBroker.orExisting(bootstrap)) {
                IngestReplayBench.print(IngestReplayBench.run(broker.bootstrapServers(),
                        new IngestReplayBench.Settings(Duration.ofSeconds(seconds), recordBytes, rounds)));
            }
            return 0;
        }
    }

    /** {@code swarm bench lanes}: lane throughput with 1, 2, 4 lane-worker processes ({@link LaneBench}). */
    @Command(name = "lanes", description = "Lanes/s of 1, 2, 4 lane-worker processes with a simulated model latency, "
            + "and receipt written -> readable p50/p99 (an embedded broker unless --bootstrap is given).")
    static final class Lanes implements Callable<Integer> {

        @Option(names = "--bootstrap", description = "Broker to measure on (default: start an embedded one).")
        String bootstrap;

        @Option(names = "--workers", defaultValue = "1,2,4", description = "Worker process counts, one run each (default ${DEFAULT-VALUE}).")
        String workers;

        @Option(names = "--lanes", defaultValue = "120", description = "Lanes per run (default ${DEFAULT-VALUE}: a whole number "
                + "of waves of 10, 20 and 40 lanes at once, so no run ends on a partial wave).")
        int lanes;

        @Option(names = "--concurrency", defaultValue = "10", description = "Lanes per process at once (default ${DEFAULT-VALUE}).")
        int concurrency;

        @Option(names = "--latency-ms", defaultValue = "200", description = "Simulated model latency per call (default ${DEFAULT-VALUE}).")
        int latencyMs;

        @Override
        public Integer call() throws Exception {
            try (EmbeddedBroker broker = EmbeddedBroker.orExisting(bootstrap)) {
                LaneBench.main(new String[] {"--bootstrap", broker.bootstrapServers(), "--workers", workers,
                    "--lanes", Integer.toString(lanes), "--concurrency", Integer.toString(concurrency),
                    "--latency-ms", Integer.toString(latencyMs)});
            }
            return 0;
        }
    }

    /** {@code swarm bench verifier}: yields/s and verdicts/s per processing guarantee ({@link VerifierBench}). */
    @Command(name = "verifier", description = "Verifier yields/s and verdicts/s under exactly_once_v2 and at_least_once "
            + "(an embedded broker unless --bootstrap is given).")
    static final class Verifier implements Callable<Integer> {

        @Option(names = "--bootstrap", description = "Broker to measure on (default: start an embedded one).")
        String bootstrap;

        @Option(names = "--missions", defaultValue = "1000", description = "Missions per run (default ${DEFAULT-VALUE}).")
        int missions;

        @Option(names = "--lanes", defaultValue = "3", description = "Lanes per mission (default ${DEFAULT-VALUE}).")
        int lanes;

        @Option(names = "--repetitions", defaultValue = "2", description = "Runs per guarantee; the first warms up the JIT (default ${DEFAULT-VALUE}).")
        int repetitions;

        @Override
        public Integer call() {
            try (EmbeddedBroker broker = EmbeddedBroker.orExisting(bootstrap)) {
                VerifierBench.run(broker.bootstrapServers(), missions, lanes, repetitions, System.out);
            }
            return 0;
        }
    }

    /** {@code swarm bench verifier-restart}: verdicts after a SIGKILLed verifier JVM restarts ({@link VerifierRestartBench}). */
    @Command(name = "verifier-restart", description = "Time from a verifier JVM's restart on its state directory to the "
            + "interrupted mission's and a new mission's verdicts being readable, after SIGKILL mid-mission and after "
            + "SIGTERM, with the breakdown started -> RUNNING -> first verdict (an embedded broker unless --bootstrap is given).")
    static final class VerifierRestart implements Callable<Integer> {

        @Option(names = "--bootstrap", description = "Broker to measure on (default: start an embedded one).")
        String bootstrap;

        @Option(names = "--repetitions", defaultValue = "3", description = "Restarts of each kind; which kind goes first alternates (default ${DEFAULT-VALUE}).")
        int repetitions;

        @Option(names = "--jvm-option", paramLabel = "OPTION", description = "Extra option of the verifier JVMs and "
                + "the baseline JVM, after the image's (repeatable), e.g. -XX:SharedArchiveFile=swarm.jsa.")
        List<String> jvmOptions = new java.util.ArrayList<>();

        @Option(names = "--kafka-log-level", defaultValue = "OFF", paramLabel = "LEVEL",
                description = "Kafka client log level in the verifier's log, e.g. INFO to see its rebalances (default ${DEFAULT-VALUE}).")
        String kafkaLogLevel;

        @Option(names = "--work-dir", paramLabel = "DIR", description = "The verifier's log and state (default: a new temporary directory).")
        Path workDir;

        @Option(names = "--timeout", defaultValue = "180", paramLabel = "S", description = "Per wait (default ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Override
        public Integer call() throws Exception {
            if (repetitions < 1) {
                throw new UsageException("--repetitions must be at least 1, got " + repetitions);
            }
            Path dir = workDir != null ? workDir : Files.createTempDirectory("swarm-bench-verifier-restart");
            try (EmbeddedBroker broker = EmbeddedBroker.orExisting(bootstrap)) {
                String loadBefore = LoadAverage.now();
                VerifierRestartBench.Report report = VerifierRestartBench.run(new VerifierRestartBench.Settings(
                        broker.bootstrapServers(), repetitions, jvmOptions, kafkaLogLevel, Duration.ofSeconds(timeoutSeconds), dir),
                        System.out);
                VerifierRestartBench.printSummary(report, "before " + loadBefore + ", after " + LoadAverage.now(),
                        System.out);
            }
            return 0;
        }
    }

    /** {@code swarm bench e2e}: mission latency, stage overhead, lane-worker heap, ingest and replay in one run. */
    @Command(name = "e2e", description = "End to end on one broker: mission latency submit -> DigestPublished, per-stage "
            + "overhead, CPU per lane, lane-worker peak heap, then ingest and replay against Kafka's tools.")
    static final class EndToEnd implements Callable<Integer> {

        @Option(names = "--bootstrap", description = "Broker to measure on (default: start an embedded one).")
        String bootstrap;

        @Option(names = "--missions", defaultValue = "50", description = "Measured missions (default ${DEFAULT-VALUE}).")
        int missions;

        @Option(names = "--warmup", defaultValue = "10", description = "Missions run first and not measured (default ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--in-flight", defaultValue = "10", description = "Missions submitted and not yet done at once (default ${DEFAULT-VALUE}).")
        int inFlight;


        @Option(names = "--side-seconds", defaultValue = "5", description = "Seconds each ingest/replay side runs (default ${DEFAULT-VALUE}).")
        long sideSeconds;

        @Option(names = "--record-bytes", defaultValue = "1024", description = "Ingest/replay event size (default ${DEFAULT-VALUE}).")
        int recordBytes;

        @Mixin
        StackOptions stack;

        @Override
        public Integer call() throws Exception {
            SubmitMission template = stack.template();
            Path dir = stack.workDir("swarm-bench-e2e");
            try (EmbeddedBroker broker = EmbeddedBroker.orExisting(bootstrap)) {
                E2eBench.Settings settings = new E2eBench.Settings(broker.bootstrapServers(), missions, warmup, inFlight,
                        stack.laneConcurrency, stack.timeout(), Duration.ofSeconds(sideSeconds), recordBytes,
                        stack.capabilities.toAbsolutePath(), stack.workflows.toAbsolutePath(), dir);
                E2eReport.print(E2eBench.run(settings, template, System.out), broker.inThisJvm());
            }
            return 0;
        }
    }

    /** {@code swarm bench history}: mission cost at growing history sizes, with the ratio to the empty board. */
    @Command(name = "history", description = "Mission p50/p99, task -> LaneStarted p50, missions/s with 10 in flight and "
            + "the replay time of one mission after N events of other missions' history, with the ratio to the first size.")
    static final class History implements Callable<Integer> {

        @Option(names = "--bootstrap", description = "Broker to measure on (default: start an embedded one).")
        String bootstrap;

        @Option(names = "--sizes", defaultValue = "0,100000,1000000", split = ",",
                description = "History sizes in events, ascending (default ${DEFAULT-VALUE}).")
        List<Long> sizes;

        @Option(names = "--missions", defaultValue = "20", description = "Missions measured one at a time per size (default ${DEFAULT-VALUE}).")
        int missions;

        @Option(names = "--throughput-missions", defaultValue = "30", description = "Missions run 10 in flight per size (default ${DEFAULT-VALUE}).")
        int throughputMissions;

        @Option(names = "--warmup", defaultValue = "12", description = "Missions run first at each size, not measured (default ${DEFAULT-VALUE}).")
        int warmup;


        @Mixin
        StackOptions stack;

        @Override
        public Integer call() throws Exception {
            List<Long> ascending = sizes.stream().sorted().toList();
            if (ascending.isEmpty() || ascending.get(0) < 0 || !ascending.equals(sizes)) {
                throw new UsageException("--sizes must be ascending non-negative event counts, got " + sizes);
            }
            SubmitMission template = stack.template();
            Path dir = stack.workDir("swarm-bench-history");
            try (EmbeddedBroker broker = EmbeddedBroker.orExisting(bootstrap)) {
                String loadBefore = LoadAverage.now();
                List<HistoryBench.Point> points = HistoryBench.run(new HistoryBench.Settings(broker.bootstrapServers(),
                        sizes, missions, throughputMissions, warmup, stack.laneConcurrency, stack.timeout(),
                        stack.capabilities.toAbsolutePath(), stack.workflows.toAbsolutePath(), dir), template, System.out);
                HistoryBench.print(points, "before " + loadBefore + ", after " + LoadAverage.now(), System.out);
            }
            return 0;
        }
    }

    /** The stack a mission bench runs: its lane worker, the mission, registry and workflows, where it writes. */
    static final class StackOptions {

        @Option(names = "--lane-concurrency", defaultValue = "10", description = "Lanes the lane-worker JVM runs at once (default ${DEFAULT-VALUE}).")
        int laneConcurrency;

        @Option(names = "--mission", defaultValue = "examples/bench/mission.yaml", paramLabel = "FILE",
                description = "Mission submitted over and over (default ${DEFAULT-VALUE}).")
        Path missionFile;

        @Option(names = "--capabilities", defaultValue = "examples/bench/capabilities.yaml", paramLabel = "FILE",
                description = "Capability registry (default ${DEFAULT-VALUE}).")
        Path capabilities;

        @Option(names = "--workflows", defaultValue = "examples/bench/workflows", paramLabel = "DIR",
                description = "Workflow directory (default ${DEFAULT-VALUE}).")
        Path workflows;

        @Option(names = "--work-dir", paramLabel = "DIR", description = "Logs, reports and state (default: a new temporary directory).")
        Path workDir;

        @Option(names = "--timeout", defaultValue = "900", paramLabel = "S", description = "Per phase (default ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        /** The mission every measured submission copies, validated as {@code swarm submit} would. */
        SubmitMission template() {
            return MissionCommand.validate(missionFile, capabilities, workflows);
        }

        /** {@code --work-dir}, or a new temporary directory named after the bench. */
        Path workDir(String prefix) throws IOException {
            return workDir != null ? workDir : Files.createTempDirectory(prefix);
        }

        Duration timeout() {
            return Duration.ofSeconds(timeoutSeconds);
        }
    }
}
