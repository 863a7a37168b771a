package dev.swarmboard.cli.bench;

import dev.swarmboard.blackboard.TopicPartitions;
import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.blackboard.HeadHash;
import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.BlackboardEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Blackboard ingest (BlackboardWriter: envelope, content hash, Avro, idempotent acks=all producer)
 * and replay (decode + content-hash check + head fold per mission) measured against Kafka's own
 * producer and consumer performance tools on the same broker, same record size, same producer
 * settings, in the same run.
 */
public final class IngestReplayBench {

    /** Figures of one run. */
    public record Result(int recordBytes, long events, double ingestPerSecond, double rawProducePerSecond,
                         double replayPerSecond, double rawConsumePerSecond) {
    }

    private static final List<String> PRODUCER_SETTINGS = List.of("acks=all", "linger.ms=5", "compression.type=lz4",
            "enable.idempotence=true");

    private IngestReplayBench() {
    }

    public static Result run(String bootstrap, long events, int approxBytes) throws Exception {
        Map<String, Object> client = Map.of("bootstrap.servers", bootstrap);
        String run = Long.toString(System.currentTimeMillis(), 36);
        String swarmTopic = "bench.blackboard." + run;
        String rawTopic = "bench.raw." + run;
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(swarmTopic, Optional.of(6), Optional.empty()),
                    new NewTopic(rawTopic, Optional.of(6), Optional.empty()))).all().get();
        }
        Codecs codecs = Codecs.create();
        List<BlackboardEvent> batch = randomEvents(2_000, approxBytes);
        int recordBytes = codecs.events().codec().encode(batch.get(0)).length;

        double ingest = ingest(client, swarmTopic, codecs, batch, events);
        double raw = KafkaTools.producerRecordsPerSecond(bootstrap, rawTopic, events, recordBytes, PRODUCER_SETTINGS);
        double replay = replay(client, swarmTopic, codecs, events);
        double rawConsume = KafkaTools.consumerMessagesPerSecond(bootstrap, rawTopic, events);
        return new Result(recordBytes, events, ingest, raw, replay, rawConsume);
    }

    private static double ingest(Map<String, Object> client, String topic, Codecs codecs,
                                 List<BlackboardEvent> batch, long events) {
        Map<String, Object> settings = new HashMap<>(client);
        PRODUCER_SETTINGS.forEach(setting -> settings.put(setting.split("=")[0], setting.split("=")[1]));
        var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
                BlackboardWriter.producerProperties(settings, "bench-ingest"),
                new org.apache.kafka.common.serialization.StringSerializer(), codecs.events().serializer());
        try (BlackboardWriter writer = new BlackboardWriter(producer, topic)) {
            long start = System.nanoTime();
            List<CompletableFuture<?>> pending = new ArrayList<>();
            for (long i = 0; i < events; i++) {
                pending.add(writer.append(batch.get((int) (i % batch.size()))));
                if (pending.size() == 10_000) {
                    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
                    pending.clear();
                }
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            return events / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Reads every event back, decodes it, checks its content hash and folds each mission's head. */
    private static double replay(Map<String, Object> client, String topic, Codecs codecs, long events) {
        AvroCodec<BlackboardEvent> codec = codecs.events().codec();
        Map<String, HeadHash> heads = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(BlackboardReader.consumerProperties(client),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = TopicPartitions.all(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long start = System.nanoTime();
            long seen = 0;
            long broken = 0;
            while (seen < events) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    BlackboardEvent event = codec.decode(record.value());
                    broken += Events.hashIntact(event) ? 0 : 1;
                    heads.merge(record.key(), HeadHash.GENESIS.next(record.value()), (head, unused) -> head.next(record.value()));
                    seen++;
                }
            }
            double perSecond = seen / ((System.nanoTime() - start) / 1e9);
            if (broken > 0) {
                throw new IllegalStateException(broken + " events failed their content hash during replay");
            }
            return perSecond;
        }
    }

    /** Events whose artifact text is random A–Z, like the payloads of Kafka's producer tool. */
    private static List<BlackboardEvent> randomEvents(int count, int approxBytes) {
        SplittableRandom random = new SplittableRandom(7);
        List<BlackboardEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(BenchEvents.stageReceipt("mission-" + (i % 100), "lane-" + (i % 10), i, approxBytes,
                    () -> (char) ('A' + random.nextInt(26))));
        }
        return events;
    }

    public static void print(Result result) {
        System.out.printf("ingest    BlackboardWriter   %,10.0f events/s   Kafka ProducerPerformance %,10.0f rec/s   ratio %.2f  (%d B, acks=all, %,d events)%n",
                result.ingestPerSecond(), result.rawProducePerSecond(),
                result.ingestPerSecond() / result.rawProducePerSecond(), result.recordBytes(), result.events());
        System.out.printf("replay    decode+hash+head   %,10.0f events/s   Kafka ConsumerPerformance %,10.0f msg/s   ratio %.2f%n",
                result.replayPerSecond(), result.rawConsumePerSecond(),
                result.replayPerSecond() / result.rawConsumePerSecond());
    }
}
