package dev.swarmboard.blackboard;

import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.EventDecodeException;
import dev.swarmboard.codec.StoredPayload;
import dev.swarmboard.schema.BlackboardEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Decodes records and checks their content hashes from the stored payload bytes, in contiguous
 * slices on a fork-join pool of one thread per core, the results in log order (folds over a mission, such as its
 * head, then run in that order). Slicing does not follow partitions, so one mission's partition is
 * decoded on every core as well as a whole topic. {@link #decodeAsync} starts a poll's decoding on
 * the pool and returns at once, so the reader polls the next batch meanwhile. A record that does not
 * decode is a value with its reason, never an exception that loses the rest of the batch.
 */
public final class ParallelDecoder {

    /** Fewer records than this are decoded on the calling thread: a fork costs more than it saves. */
    private static final int SLICE = 256;
    /**
     * One decoding thread per core. The common pool has one thread fewer than the cores (one on two
     * cores), since it counts on the caller to help; an async decode's caller is busy polling instead.
     */
    private static final ForkJoinPool DECODERS = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    private final AvroCodec<BlackboardEvent> codec;

    public ParallelDecoder(AvroCodec<BlackboardEvent> codec) {
        this.codec = codec;
    }

    /** One record of the log, decoded (with whether its content hash holds) or with why it is not. */
    public record Decoded(ConsumerRecord<String, byte[]> record, BlackboardEvent event, boolean hashIntact,
                          String error) {

        public boolean decoded() {
            return event != null;
        }
    }

    /** The records decoded, in the order given. */
    public List<Decoded> decode(List<ConsumerRecord<String, byte[]>> records) {
        Decoded[] decoded = new Decoded[records.size()];
        int slices = (records.size() + SLICE - 1) / SLICE;
        if (slices <= 1) {
            decodeSlice(records, decoded, 0);
        } else {
            // A parallel stream started on a pool's thread forks its slices into that pool.
            DECODERS.submit(() -> IntStream.range(0, slices).parallel()
                    .forEach(slice -> decodeSlice(records, decoded, slice))).join();
        }
        return Arrays.asList(decoded);
    }

    /** Every record of the batch, by partition, each partition's in log order. */
    public Map<TopicPartition, List<Decoded>> decode(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(records.count());
        records.forEach(all::add);
        Map<TopicPartition, List<Decoded>> byPartition = new HashMap<>();
        // ConsumerRecords iterates partition by partition, each in log order: grouping keeps that order.
        for (Decoded decoded : decode(all)) {
            ConsumerRecord<String, byte[]> record = decoded.record();
            byPartition.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                    partition -> new ArrayList<>()).add(decoded);
        }
        return byPartition;
    }

    /** {@link #decode(ConsumerRecords)} started on the decoding pool; the caller may poll meanwhile. */
    public CompletableFuture<Map<TopicPartition, List<Decoded>>> decodeAsync(ConsumerRecords<String, byte[]> records) {
        return CompletableFuture.supplyAsync(() -> decode(records), DECODERS);
    }

    private void decodeSlice(List<ConsumerRecord<String, byte[]>> records, Decoded[] decoded, int slice) {
        int end = Math.min(records.size(), (slice + 1) * SLICE);
        for (int i = slice * SLICE; i < end; i++) {
            decoded[i] = decode(records.get(i));
        }
    }

    private Decoded decode(ConsumerRecord<String, byte[]> record) {
        try {
            BlackboardEvent event = codec.decode(record.value());
            boolean intact = StoredPayload.matches(record.value(), codec.registry(), event.getHeader().getContentHash());
            return new Decoded(record, event, intact, null);
        } catch (EventDecodeException e) {
            return new Decoded(record, null, false, e.getMessage());
        }
    }
}
