package dev.swarmboard.cli.bench;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.HeadHash;
import dev.swarmboard.blackboard.ParallelDecoder;
import dev.swarmboard.blackboard.TopicPartitions;
import dev.swarmboard.codec.Codecs;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The two replay sides, each reading the same topic for a fixed time with the same read-committed
 * consumer settings and starting over at its end: the replay's work (decode in parallel across
 * partitions, content hash of the stored payload bytes, head per mission in log order), and a plain
 * consumer that only touches every value.
 */
final class ReplaySides {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> client;
    private final String topic;
    private final ParallelDecoder decoder;
    /** Value bytes the plain side read: a field write the JIT cannot drop, so its loop does its work. */
    private long touchedBytes;

    ReplaySides(Map<String, Object> client, String topic, Codecs codecs) {
        this.client = client;
        this.topic = topic;
        this.decoder = new ParallelDecoder(codecs.events().codec());
    }

    /** Events/s decoded, hash-checked and folded into their mission's head. */
    double swarm(Duration side) {
        Map<String, HeadHash> heads = new HashMap<>();
        return timed(side, records -> {
            long broken = 0;
            for (List<ParallelDecoder.Decoded> partition : decoder.decode(records).values()) {
                for (ParallelDecoder.Decoded decoded : partition) {
                    if (!decoded.decoded() || !decoded.hashIntact()) {
                        broken++;
                    }
                    byte[] value = decoded.record().value();
                    heads.merge(decoded.record().key(), HeadHash.GENESIS.next(value), (head, unused) -> head.next(value));
                }
            }
            if (broken > 0) {
                throw new IllegalStateException(broken + " events failed to decode or their content hash in replay");
            }
            return records.count();
        });
    }

    /** Records/s of the same consumer touching each value's bytes. */
    double plain(Duration side) {
        return timed(side, records -> {
            for (var record : records) {
                touchedBytes += record.value().length;
            }
            return records.count();
        });
    }

    private double timed(Duration side, ToLongFunction<ConsumerRecords<String, byte[]>> work) {
        try (var consumer = new KafkaConsumer<>(BlackboardReader.consumerProperties(client), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = TopicPartitions.all(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long start = System.nanoTime();
            long deadline = start + side.toNanos();
            long seen = 0;
            while (System.nanoTime() < deadline) {
                seen += work.applyAsLong(consumer.poll(POLL));
                if (partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p))) {
                    consumer.seekToBeginning(partitions);
                }
            }
            return seen / ((System.nanoTime() - start) / 1e9);
        }
    }
}
