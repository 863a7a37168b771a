package dev.swarmboard.cli.bench;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.HeadHash;
import dev.swarmboard.blackboard.ParallelDecoder;
import dev.swarmboard.blackboard.TopicPartitions;
import com.sun.management.OperatingSystemMXBean;
import dev.swarmboard.codec.Codecs;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The two replay sides, each reading the same topic for a fixed time with the same read-committed
 * consumer settings and starting over at its end: the replay's work (decode in parallel slices,
 * content hash of the stored payload bytes, head per mission in log order, each event hashed once
 * for its head), and a plain consumer that only touches every value.
 */
final class ReplaySides {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Map<String, Object> client;
    private final String topic;
    private final ParallelDecoder decoder;
    /** Value bytes the plain side read: a field write the JIT cannot drop, so its loop does its work. */
    private long touchedBytes;
    private double swarmCpuMicros;
    private double plainCpuMicros;

    ReplaySides(Map<String, Object> client, String topic, Codecs codecs) {
        this.client = client;
        this.topic = topic;
        this.decoder = new ParallelDecoder(codecs.events().codec());
    }

    /**
     * Events/s decoded, hash-checked and folded into their mission's head: each poll's decoding runs on
     * the pool while the next poll is fetched, and the clock stops after the last batch is folded.
     */
    double swarm(Duration side) {
        Map<String, HeadHash> heads = new HashMap<>();
        Rate rate = timed(side, new Work() {
            private CompletableFuture<Map<TopicPartition, List<ParallelDecoder.Decoded>>> pending =
                    CompletableFuture.completedFuture(Map.of());

            @Override
            public long apply(ConsumerRecords<String, byte[]> records) {
                Map<TopicPartition, List<ParallelDecoder.Decoded>> previous = pending.join();
                pending = decoder.decodeAsync(records);
                return fold(previous, heads);
            }

            @Override
            public long finish() {
                return fold(pending.join(), heads);
            }
        });
        swarmCpuMicros = rate.cpuMicrosPerRecord();
        return rate.perSecond();
    }

    /** Folds a decoded batch into the heads in log order; returns how many events it folded. */
    private static long fold(Map<TopicPartition, List<ParallelDecoder.Decoded>> batch, Map<String, HeadHash> heads) {
        long folded = 0;
        long broken = 0;
        for (List<ParallelDecoder.Decoded> partition : batch.values()) {
            for (ParallelDecoder.Decoded decoded : partition) {
                if (!decoded.decoded() || !decoded.hashIntact()) {
                    broken++;
                }
                byte[] value = decoded.record().value();
                heads.compute(decoded.record().key(), (key, head) -> (head == null ? HeadHash.GENESIS : head).next(value));
                folded++;
            }
        }
        if (broken > 0) {
            throw new IllegalStateException(broken + " events failed to decode or their content hash in replay");
        }
        return folded;
    }

    /** Records/s of the same consumer touching each value's bytes. */
    double plain(Duration side) {
        Rate rate = timed(side, records -> {
            for (var record : records) {
                touchedBytes += record.value().length;
            }
            return records.count();
        });
        plainCpuMicros = rate.cpuMicrosPerRecord();
        return rate.perSecond();
    }

    /**
     * Process CPU µs per record of the last run of a side: unlike records/s, hardly moved by what else
     * the shared machine runs (it includes the embedded broker serving the fetches).
     */
    double cpuMicrosPerRecord(boolean swarmSide) {
        return swarmSide ? swarmCpuMicros : plainCpuMicros;
    }

    /** A side's work on each poll; what it has not finished when time is up is finished, on the clock. */
    private interface Work {
        long apply(ConsumerRecords<String, byte[]> records);

        default long finish() {
            return 0;
        }
    }

    /** Records/s of one side and the process CPU it took per record (the embedded broker's included). */
    private record Rate(double perSecond, double cpuMicrosPerRecord) {
    }

    private Rate timed(Duration side, Work work) {
        try (var consumer = new KafkaConsumer<>(BlackboardReader.consumerProperties(client), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = TopicPartitions.all(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long cpuStart = PROCESS.getProcessCpuTime();
            long start = System.nanoTime();
            long deadline = start + side.toNanos();
            long seen = 0;
            while (System.nanoTime() < deadline) {
                seen += work.apply(consumer.poll(POLL));
                if (partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p))) {
                    consumer.seekToBeginning(partitions);
                }
            }
            seen += work.finish();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Rate(seen / seconds, (PROCESS.getProcessCpuTime() - cpuStart) / 1e3 / Math.max(1, seen));
        }
    }
}
