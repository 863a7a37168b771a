package dev.swarmboard.blackboard;

import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.EventDecodeException;
import dev.swarmboard.codec.StoredPayload;
import dev.swarmboard.schema.BlackboardEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Decodes a poll's records and checks their content hashes from the stored payload bytes, one
 * partition per task of the common fork-join pool, each partition's records kept in log order (folds
 * over a mission, such as its head, then run per partition). A record that does not decode is a
 * value with its reason, never an exception that loses the rest of the batch.
 */
public final class ParallelDecoder {

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

    /** Every record of the batch, by partition, each partition's in log order. */
    public Map<TopicPartition, List<Decoded>> decode(ConsumerRecords<String, byte[]> records) {
        return records.partitions().parallelStream()
                .collect(Collectors.toMap(partition -> partition, partition -> decode(records.records(partition))));
    }

    private List<Decoded> decode(List<ConsumerRecord<String, byte[]>> records) {
        List<Decoded> decoded = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            decoded.add(decode(record));
        }
        return decoded;
    }

    private Decoded decode(ConsumerRecord<String, byte[]> record) {
        try {
            BlackboardEvent event = codec.decode(record.value());
            boolean intact = StoredPayload.contentHash(record.value(), codec.registry())
                    .equals(event.getHeader().getContentHash());
            return new Decoded(record, event, intact, null);
        } catch (EventDecodeException e) {
            return new Decoded(record, null, false, e.getMessage());
        }
    }
}
