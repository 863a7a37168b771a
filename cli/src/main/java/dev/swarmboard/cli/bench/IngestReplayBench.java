package dev.swarmboard.cli.bench;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.BlackboardEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Blackboard ingest and replay against the same work done by plain Kafka clients on the same broker
 * in the same run: the writer against a plain producer sending the identical bytes, keys and headers
 * (and against {@code ProducerPerformance} with a payload file), the replay against a plain consumer
 * of the same topic. After a short unmeasured warm-up of every side, each side runs for the same
 * time, rounds alternate which side goes first, and each round prints the load average beside its
 * ratios.
 */
public final class IngestReplayBench {

    /** How long each side runs, the approximate event size, and how many rounds. */
    public record Settings(Duration side, int recordBytes, int rounds) {

        public static Settings defaults(int recordBytes) {
            return new Settings(Duration.ofSeconds(5), recordBytes, 2);
        }
    }

    /** One round's figures, per second; {@code swarmFirst} tells which side ran first. */
    public record Round(boolean swarmFirst, IngestSides.Rate ingest, IngestSides.Rate plainProduce,
                        double producerPerformance, double replay, double plainConsume, double replayCpuMicros,
                        double plainConsumeCpuMicros, String loadBefore, String loadAfter) {
    }

    /** Figures of one run. */
    public record Result(int recordBytes, Duration side, List<Round> rounds) {

        double median(ToDoubleFunction<Round> ratio) {
            double[] sorted = rounds.stream().mapToDouble(ratio).sorted().toArray();
            return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
    }

    private static final Duration WARMUP = Duration.ofSeconds(2);
    private static final List<String> PRODUCER_SETTINGS = List.of("acks=all", "linger.ms=5", "compression.type=lz4",
            "enable.idempotence=true");

    private IngestReplayBench() {
    }

    public static Result run(String bootstrap, Settings settings) throws Exception {
        Map<String, Object> client = Map.of("bootstrap.servers", bootstrap);
        String run = Long.toString(System.currentTimeMillis(), 36);
        String swarmTopic = "bench.blackboard." + run;
        String plainTopic = "bench.plain." + run;
        String toolTopic = "bench.tool." + run;
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(swarmTopic, Optional.of(6), Optional.empty()),
                    new NewTopic(plainTopic, Optional.of(6), Optional.empty()),
                    new NewTopic(toolTopic, Optional.of(6), Optional.empty()))).all().get();
        }
        Map<String, Object> producerSettings = new HashMap<>(client);
        PRODUCER_SETTINGS.forEach(setting -> producerSettings.put(setting.split("=")[0], setting.split("=")[1]));
        IngestSides ingest = new IngestSides(producerSettings, samples(2_000, settings.recordBytes()));
        ReplaySides replay = new ReplaySides(client, swarmTopic, Codecs.create());
        // Unmeasured: the JIT compiles both sides' paths before the first measured round.
        ingest.swarm(swarmTopic, WARMUP);
        ingest.plain(plainTopic, WARMUP);
        replay.swarm(WARMUP);
        replay.plain(WARMUP);
        List<Round> rounds = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            boolean swarmFirst = round % 2 == 0;
            String loadBefore = LoadAverage.now();
            List<IngestSides.Rate> produce = pair(swarmFirst, () -> ingest.swarm(swarmTopic, settings.side()),
                    () -> ingest.plain(plainTopic, settings.side()));
            long toolRecords = (long) (produce.get(1).perSecond() * settings.side().toSeconds());
            double tool = ingest.producerPerformance(bootstrap, toolTopic, toolRecords, PRODUCER_SETTINGS);
            List<Double> consume = pair(swarmFirst, () -> replay.swarm(settings.side()),
                    () -> replay.plain(settings.side()));
            rounds.add(new Round(swarmFirst, produce.get(0), produce.get(1), tool, consume.get(0), consume.get(1),
                    replay.cpuMicrosPerRecord(true), replay.cpuMicrosPerRecord(false), loadBefore,
                    LoadAverage.now()));
        }
        return new Result(ingest.recordBytes(), settings.side(), rounds);
    }

    /** Runs both sides in the given order; returns [swarm, plain]. */
    private static <R> List<R> pair(boolean swarmFirst, Side<R> swarm, Side<R> plain) throws Exception {
        if (swarmFirst) {
            R first = swarm.run();
            return List.of(first, plain.run());
        }
        R first = plain.run();
        return List.of(swarm.run(), first);
    }

    private interface Side<R> {
        R run() throws Exception;
    }

    /** StageCompleted receipts whose artifact text is random A–Z, like the payload file's lines. */
    private static List<IngestSides.Sample> samples(int count, int approxBytes) {
        SplittableRandom random = new SplittableRandom(7);
        List<IngestSides.Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BlackboardEvent event = BenchEvents.stageReceipt("mission-" + (i % 100), "lane-" + (i % 10), i, approxBytes,
                    () -> (char) ('A' + random.nextInt(26)));
            var header = event.getHeader();
            samples.add(new IngestSides.Sample(new EventOrigin(header.getMissionId(), header.getLaneId(),
                    header.getAttempt(), header.getProducer(), header.getCausationId(), header.getTraceparent()),
                    (SpecificRecord) event.getPayload(), header.getOccurredAt(),
                    new String[] {header.getMissionId(), header.getLaneId(), "StageCompleted", Integer.toString(i)}));
        }
        return samples;
    }

    public static void print(Result result) {
        System.out.printf("ingest and replay, %d B events, %d s per side, %d rounds (the first side alternates)%n",
                result.recordBytes(), result.side().toSeconds(), result.rounds().size());
        for (Round round : result.rounds()) {
            System.out.printf("  %s first, load %s -> %s%n", round.swarmFirst() ? "swarm" : "plain",
                    round.loadBefore(), round.loadAfter());
            System.out.printf("    ingest  BlackboardWriter %,10.0f ev/s   plain producer %,10.0f rec/s   ratio %.2f"
                            + "   ProducerPerformance %,10.0f rec/s   ratio %.2f%n",
                    round.ingest().perSecond(), round.plainProduce().perSecond(), ingestRatio(round),
                    round.producerPerformance(), round.ingest().perSecond() / round.producerPerformance());
            System.out.printf("            sending thread CPU: writer %.2f us/ev   plain producer %.2f us/rec%n",
                    round.ingest().senderCpuMicros(), round.plainProduce().senderCpuMicros());
            System.out.printf("    replay  decode+hash+head %,10.0f ev/s   plain consumer %,10.0f rec/s   ratio %.2f"
                            + "   CPU/record %.2f us vs %.2f us: ratio %.2f%n",
                    round.replay(), round.plainConsume(), round.replay() / round.plainConsume(),
                    round.replayCpuMicros(), round.plainConsumeCpuMicros(),
                    round.plainConsumeCpuMicros() / round.replayCpuMicros());
        }
        System.out.printf("  median ratios: ingest/plain producer %.2f, ingest/ProducerPerformance %.2f, "
                        + "replay/plain consumer %.2f (by CPU per record %.2f)%n",
                result.median(IngestReplayBench::ingestRatio),
                result.median(r -> r.ingest().perSecond() / r.producerPerformance()),
                result.median(r -> r.replay() / r.plainConsume()),
                result.median(r -> r.plainConsumeCpuMicros() / r.replayCpuMicros()));
    }

    private static double ingestRatio(Round round) {
        return round.ingest().perSecond() / round.plainProduce().perSecond();
    }
}
