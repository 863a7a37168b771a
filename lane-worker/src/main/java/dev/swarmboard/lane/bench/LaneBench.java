package dev.swarmboard.lane.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Lane throughput benchmark ({@code swarm bench lanes}): for 1, 2 and 4 lane-worker processes on a
 * one-partition task topic, the lanes per second with a simulated model latency per call, and the
 * per-stage overhead as the time from a StageCompleted receipt being built to a consumer reading it
 * (p50/p99). Needs a broker: {@code --bootstrap}, else {@code KAFKA_BOOTSTRAP_SERVERS}, else 127.0.0.1:9092.
 * Arguments: {@code [--bootstrap HOST:PORT] [--workers 1,2,4] [--lanes 100] [--concurrency 10]
 * [--latency-ms 200]}. The worker JVMs run {@code LaneWorkerMain} from this JVM's class path.
 */
public final class LaneBench {

    private LaneBench() {
    }

    /** What to run. */
    record Settings(String bootstrap, List<Integer> workers, int lanes, int concurrency, int latencyMs) {

        static Settings parse(String[] args, Map<String, String> env) {
            Settings settings = new Settings(env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                    List.of(1, 2, 4), 120, 10, 200);
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("option " + args[args.length - 1] + " needs a value");
            }
            for (int i = 0; i < args.length; i += 2) {
                settings = settings.with(args[i], args[i + 1]);
            }
            return settings;
        }

        private Settings with(String flag, String value) {
            return switch (flag) {
                case "--bootstrap" -> new Settings(value, workers, lanes, concurrency, latencyMs);
                case "--workers" -> new Settings(bootstrap, Arrays.stream(value.split(",")).map(String::trim)
                        .map(Integer::valueOf).toList(), lanes, concurrency, latencyMs);
                case "--lanes" -> new Settings(bootstrap, workers, Integer.parseInt(value), concurrency, latencyMs);
                case "--concurrency" -> new Settings(bootstrap, workers, lanes, Integer.parseInt(value), latencyMs);
                case "--latency-ms" -> new Settings(bootstrap, workers, lanes, concurrency, Integer.parseInt(value));
                default -> throw new IllegalArgumentException("unknown option " + flag
                        + " (options: --bootstrap HOST:PORT --workers 1,2,4 --lanes N --concurrency N --latency-ms N)");
            };
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args, System.getenv());
        BenchRun bench = new BenchRun(settings, Map.of("bootstrap.servers", settings.bootstrap()));
        System.out.printf("lane bench: %d PREY lanes (3 model calls each, %d ms per call), %d lanes per process, "
                + "one-partition task topic, broker %s%n", settings.lanes(), settings.latencyMs(),
                settings.concurrency(), settings.bootstrap());
        List<BenchRun.Result> results = new ArrayList<>();
        for (int workers : settings.workers()) {
            Path dir = Files.createTempDirectory("lane-bench-" + workers + "w");
            BenchRun.Result result = bench.run(workers, dir);
            results.add(result);
            System.out.printf("%d worker process(es): %d lanes in %.1f s = %.2f lanes/s; receipt written -> "
                    + "readable p50 %d ms, p99 %d ms (%d receipts); logs in %s%n", workers, result.lanes(),
                    result.seconds(), result.lanesPerSecond(), Percentiles.of(result.receiptLagMs(), 50),
                    Percentiles.of(result.receiptLagMs(), 99), result.receiptLagMs().size(), dir);
        }
        System.out.println();
        System.out.println("| worker processes | lanes/s | receipt written → readable p50 | p99 |");
        System.out.println("|---|---|---|---|");
        for (BenchRun.Result result : results) {
            System.out.printf("| %d | %.2f | %d ms | %d ms |%n", result.workers(), result.lanesPerSecond(),
                    Percentiles.of(result.receiptLagMs(), 50), Percentiles.of(result.receiptLagMs(), 99));
        }
    }
}
