package dev.swarmboard.verifier.bench;

import dev.swarmboard.blackboard.TopicPartitions;
import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.verifier.service.VerifierConfig;
import dev.swarmboard.verifier.service.VerifierService;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Verifier throughput against a broker: for each processing guarantee (exactly_once_v2, then
 * at_least_once) a fresh verifier on fresh topics gets N missions' plans and clean lane attempts
 * written as fast as one producer can, and the bench times the first write to the N-th verdict.
 * Prints yields/s and verdicts/s per guarantee, and the bytes of the verifier's state changelogs
 * against the blackboard's once every verdict is in.
 */
public final class VerifierBench {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    /** One guarantee's run. */
    public record Result(String guarantee, int missions, int yields, int events, Duration elapsed,
                         long blackboardBytes, long changelogBytes) {

        /** The verifier's state changelogs on disk per byte of blackboard (goal: at most 2). */
        public double changelogRatio() {
            return (double) changelogBytes / Math.max(blackboardBytes, 1);
        }

        public double yieldsPerSecond() {
            return yields / seconds();
        }

        public double verdictsPerSecond() {
            return missions / seconds();
        }

        private double seconds() {
            return Math.max(elapsed.toNanos(), 1) / 1e9;
        }
    }

    private VerifierBench() {
    }

    /**
     * {@code VerifierBench [bootstrap] [missions] [lanes] [repetitions]}; defaults:
     * $KAFKA_BOOTSTRAP_SERVERS, 1000, 3, 2 (the first repetition includes JIT warm-up).
     */
    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS",
                "127.0.0.1:9092");
        int missions = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int lanes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        run(bootstrap, missions, lanes, repetitions, System.out);
    }

    /** Runs both guarantees {@code repetitions} times, printing each result as it comes. */
    public static List<Result> run(String bootstrap, int missions, int lanes, int repetitions, PrintStream out) {
        List<Result> results = new ArrayList<>();
        for (int repetition = 0; repetition < repetitions; repetition++) {
            for (String guarantee : List.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE)) {
                Result result = runOnce(bootstrap, missions, lanes, guarantee);
                out.printf(Locale.ROOT, "%-16s %6d missions %7d yields %8d events %8.2f s %8.1f yields/s %8.1f verdicts/s"
                                + "   changelog %,d B / blackboard %,d B = %.2f%n",
                        result.guarantee(), result.missions(), result.yields(), result.events(),
                        result.elapsed().toMillis() / 1000.0, result.yieldsPerSecond(), result.verdictsPerSecond(),
                        result.changelogBytes(), result.blackboardBytes(), result.changelogRatio());
                results.add(result);
            }
        }
        return results;
    }

    private static Result runOnce(String bootstrap, int missions, int lanes, String guarantee) {
        String prefix = "bench-" + guarantee.replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        VerifierConfig config = VerifierConfig.fromEnvironment(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "SWARM_TOPIC_PREFIX", prefix)).withStateDir(temporaryDirectory()).withProcessingGuarantee(guarantee);
        BlackboardSetup.provision(config.clientProperties(), config.common().catalogue());
        try (VerifierService verifier = new VerifierService(config)) {
            verifier.start();
            await(verifier::isReady, READY_TIMEOUT, "verifier did not become ready");
            List<BlackboardEvent> events = missions(missions, lanes);
            Instant started = Instant.now();
            try (BlackboardWriter writer = BlackboardWriter.create(config.clientProperties(),
                    config.common().catalogue(), Codecs.create(), "verifier-bench")) {
                List<CompletableFuture<BlackboardWriter.AppendedEvent>> appended =
                        events.stream().map(writer::append).toList();
                writer.flush();
                CompletableFuture.allOf(appended.toArray(CompletableFuture[]::new)).join();
            }
            awaitVerdicts(config.clientProperties(), config.common().catalogue(), missions);
            Duration elapsed = Duration.between(started, Instant.now());
            long blackboard = TopicSizes.bytes(config.clientProperties(),
                    topic -> topic.equals(config.common().catalogue().blackboard()));
            long changelogs = TopicSizes.bytes(config.clientProperties(),
                    topic -> topic.startsWith(config.applicationId() + "-") && topic.endsWith("-changelog"));
            return new Result(guarantee, missions, missions * lanes, events.size(), elapsed, blackboard, changelogs);
        }
    }

    private static List<BlackboardEvent> missions(int missions, int lanes) {
        List<String> laneIds = new ArrayList<>();
        for (int lane = 1; lane <= lanes; lane++) {
            laneIds.add("lane-" + lane);
        }
        List<BlackboardEvent> events = new ArrayList<>();
        for (int i = 0; i < missions; i++) {
            SyntheticMission mission = new SyntheticMission("bench-" + i, laneIds, Instant.now(), Duration.ofHours(1));
            events.add(mission.planIssued());
            laneIds.forEach(lane -> events.addAll(mission.laneAttempt(lane, 1, true)));
        }
        return events;
    }

    private static void awaitVerdicts(Map<String, Object> clientProperties, TopicCatalogue catalogue, int expected) {
        try (var consumer = new KafkaConsumer<>(BlackboardReader.consumerProperties(clientProperties), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = TopicPartitions.all(consumer, catalogue.blackboard());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int verdicts = 0;
            long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
            while (verdicts < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + verdicts + " of " + expected + " verdicts within "
                            + RUN_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Header type = record.headers().lastHeader(BlackboardWriter.TYPE_HEADER);
                    if (type != null && "QuorumReached".equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        verdicts++;
                    }
                }
            }
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout, String failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure + " within " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("verifier-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
