package dev.swarmboard.cli;

import dev.swarmboard.cli.bench.CodecBench;
import dev.swarmboard.cli.bench.IngestReplayBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code swarm bench …}: benchmarks that print their figures next to raw Kafka's. */
@Command(name = "bench", description = "Benchmarks; each prints its figures.",
        subcommands = {BenchCommand.Codec.class, BenchCommand.Ingest.class})
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
}
