package dev.swarmboard.cli;

import dev.swarmboard.cli.bench.CodecBench;
import dev.swarmboard.cli.bench.E2eBench;
import dev.swarmboard.cli.bench.E2eReport;
import dev.swarmboard.cli.bench.IngestReplayBench;
import dev.swarmboard.lane.bench.LaneBench;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.verifier.bench.VerifierBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code swarm bench …}: benchmarks that print their figures next to raw Kafka's. */
@Command(name = "bench", description = "Benchmarks; each prints its figures.",
        subcommands = {BenchCommand.Codec.class, BenchCommand.Ingest.class, BenchCommand.Lanes.class,
                BenchCommand.Verifier.class, BenchCommand.EndToEnd.class})
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
    @Command(name = "ingest", description = "Blackboard ingest and replay events/s against Kafka's ProducerPerformance "
            + "and ConsumerPerformance on the same broker (an embedded one unless --bootstrap is given).")
    static final class Ingest implements Callable<Integer> {

        @Option(names = "--bootstrap", description = "Broker to measure on (default: start an embedded one).")
        String bootstrap;

        @Option(names = "--events", defaultValue = "200000", description = "Events per side (default ${DEFAULT-VALUE}).")
        long events;

        @Option(names = "--record-bytes", defaultValue = "1024", description = "Approximate event size (default ${DEFAULT-VALUE}).")
        int recordBytes;

        @Override
        public Integer call() throws Exception {
            try (EmbeddedBroker broker = EmbeddedBroker.orExisting(bootstrap)) {
                IngestReplayBench.print(IngestReplayBench.run(broker.bootstrapServers(), events, recordBytes));
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

        @Option(names = "--lanes", defaultValue = "100", description = "Lanes per run (default ${DEFAULT-VALUE}).")
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

    /** {@code swarm bench e2e}: mission latency, stage overhead, lane-worker heap, ingest and replay in one run. */
    @Command(name = "e2e", description = "End to end on one broker: mission latency submit -> DigestPublished, per-stage "
            + "overhead, lane-worker peak heap, then ingest and replay against Kafka's tools.")
    static final class EndToEnd implements Callable<Integer> {

        @Option(names = "--bootstrap", description = "Broker to measure on (default: start an embedded one).")
        String bootstrap;

        @Option(names = "--missions", defaultValue = "50", description = "Measured missions (default ${DEFAULT-VALUE}).")
        int missions;

        @Option(names = "--warmup", defaultValue = "10", description = "Missions run first and not measured (default ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--in-flight", defaultValue = "10", description = "Missions submitted and not yet done at once (default ${DEFAULT-VALUE}).")
        int inFlight;

        @Option(names = "--lane-concurrency", defaultValue = "10", description = "Lanes the lane-worker JVM runs at once (default ${DEFAULT-VALUE}).")
        int laneConcurrency;

        @Option(names = "--events", defaultValue = "50000", description = "Ingest/replay events per side (default ${DEFAULT-VALUE}).")
        long events;

        @Option(names = "--record-bytes", defaultValue = "1024", description = "Ingest/replay event size (default ${DEFAULT-VALUE}).")
        int recordBytes;

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

        @Override
        public Integer call() throws Exception {
            SubmitMission template = MissionCommand.validate(missionFile, capabilities, workflows);
            Path dir = workDir != null ? workDir : Files.createTempDirectory("swarm-bench-e2e");
            try (EmbeddedBroker broker = EmbeddedBroker.orExisting(bootstrap)) {
                E2eBench.Settings settings = new E2eBench.Settings(broker.bootstrapServers(), missions, warmup, inFlight,
                        laneConcurrency, Duration.ofSeconds(timeoutSeconds), events, recordBytes,
                        capabilities.toAbsolutePath(), workflows.toAbsolutePath(), dir);
                E2eReport.print(E2eBench.run(settings, template, System.out));
            }
            return 0;
        }
    }
}
