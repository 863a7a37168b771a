package dev.swarmboard.cli.bench;

import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.topic.TopicCatalogue;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes history for {@code swarm bench history}: decodable stage receipts of other missions
 * ({@value #EVENTS_PER_MISSION} per mission, so they spread over every blackboard partition), through
 * one batching producer with no per-event round trip (a failed send fails the write once all are
 * flushed). Each event is sent with its mission's key and the blackboard's type and id headers, like
 * a lane worker's receipts.
 */
final class HistoryWriter {

    static final int EVENTS_PER_MISSION = 10;
    private static final int RECEIPT_BYTES = 600;

    private HistoryWriter() {
    }

    /** Appends {@code count} events of missions {@code <tag>-<n>}; returns once all are acknowledged. */
    static void write(Map<String, Object> client, TopicCatalogue catalogue, AvroCodec<BlackboardEvent> codec,
                      String tag, long count) {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (long written = 0; written < count; written += EVENTS_PER_MISSION) {
                String missionId = "history-" + tag + "-" + (written / EVENTS_PER_MISSION);
                byte[] key = missionId.getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < EVENTS_PER_MISSION && written + i < count; i++) {
                    BlackboardEvent event = BenchEvents.stageReceipt(missionId, "lane-" + (i % 3), i, RECEIPT_BYTES);
                    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(catalogue.blackboard(), null, key,
                            codec.encode(event));
                    record.headers().add(BlackboardWriter.TYPE_HEADER, "StageCompleted".getBytes(StandardCharsets.UTF_8))
                            .add(BlackboardWriter.EVENT_ID_HEADER,
                                    event.getHeader().getEventId().getBytes(StandardCharsets.UTF_8));
                    producer.send(record, (metadata, error) -> failure.compareAndSet(null, error));
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("writing the history failed: " + failure.get().getMessage(), failure.get());
        }
    }
}
