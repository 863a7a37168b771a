package dev.swarmboard.cli.bench;

import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.blackboard.EncodedEvent;
import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;

/**
 * The three ingest sides, each sending for a fixed time on the same producer settings: the
 * {@link BlackboardWriter} building every envelope from its payload (encode once, hash, header), a
 * plain producer sending the very bytes, keys and headers those envelopes became, and Kafka's
 * {@code ProducerPerformance} with a payload file of records of the same size.
 */
final class IngestSides {

    /** A payload to append as the services do: origin, time and id parts. */
    record Sample(EventOrigin origin, SpecificRecord payload, Instant at, String[] idParts) {

        EncodedEvent encode() {
            return Events.encode(origin, payload, at, idParts);
        }
    }

    private final Map<String, Object> producerSettings;
    private final List<Sample> samples;
    private final List<EncodedEvent> encoded;

    IngestSides(Map<String, Object> producerSettings, List<Sample> samples) {
        this.producerSettings = producerSettings;
        this.samples = samples;
        this.encoded = samples.stream().map(Sample::encode).toList();
    }

    int recordBytes() {
        return (int) encoded.stream().mapToInt(e -> e.value().length).average().orElse(0);
    }

    /** What one side measured: acknowledged records per second and the sending thread's CPU per record. */
    record Rate(double perSecond, double senderCpuMicros) {
    }

    /** Events/s of the writer, each envelope encoded from its payload on the sending thread. */
    Rate swarm(String topic, Duration side) {
        try (BlackboardWriter writer = new BlackboardWriter(producer("bench-ingest-swarm"), topic)) {
            Acks acks = new Acks();
            return timed(side, writer::flush, acks, i -> writer.append(samples.get((int) (i % samples.size())).encode(),
                    (appended, error) -> acks.done(error)));
        }
    }

    /** Records/s of a plain producer sending the same stored bytes, keys and headers. */
    Rate plain(String topic, Duration side) {
        try (KafkaProducer<String, byte[]> producer = producer("bench-ingest-plain")) {
            List<ProducerRecord<String, byte[]>> records = encoded.stream()
                    .map(e -> BlackboardWriter.record(topic, e)).toList();
            List<Header[]> headers = records.stream().map(r -> r.headers().toArray()).toList();
            Acks acks = new Acks();
            Callback callback = (metadata, error) -> acks.done(error);
            return timed(side, producer::flush, acks, i -> {
                int at = (int) (i % records.size());
                ProducerRecord<String, byte[]> record = records.get(at);
                producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(),
                        new RecordHeaders(headers.get(at))), callback);
            });
        }
    }

    /** Records/s of Kafka's ProducerPerformance sending {@code records} payloads of the same size from a file. */
    double producerPerformance(String bootstrap, String topic, long records, List<String> settings) throws IOException {
        Path payloads = Files.createTempFile("swarm-bench-payloads", ".txt");
        try {
            Files.writeString(payloads, randomLines(1_000, recordBytes()), StandardCharsets.UTF_8);
            return KafkaTools.producerRecordsPerSecond(bootstrap, topic, records, payloads, settings);
        } finally {
            Files.deleteIfExists(payloads);
        }
    }

    private KafkaProducer<String, byte[]> producer(String clientId) {
        return new KafkaProducer<>(BlackboardWriter.producerProperties(producerSettings, clientId),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Sends until {@code side} has passed, then waits for every acknowledgement; acknowledged per second,
     * and the CPU time of this (the sending) thread per record, which the load of other processes
     * disturbs less than the wall clock does.
     */
    private static Rate timed(Duration side, Runnable flush, Acks acks, LongConsumer send) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long deadline = start + side.toNanos();
        long sent = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 500; i++) {
                send.accept(sent++);
            }
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        flush.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        acks.check(sent);
        return new Rate(sent / seconds, cpu / 1e3 / sent);
    }

    private static String randomLines(int lines, int length) {
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder text = new StringBuilder(lines * (length + 1));
        for (int line = 0; line < lines; line++) {
            for (int i = 0; i < length; i++) {
                text.append((char) ('A' + random.nextInt(26)));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Counts acknowledgements on the producer's I/O thread; the first failure fails the side. */
    private static final class Acks {
        private final AtomicLong acked = new AtomicLong();
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        void done(Exception error) {
            if (error != null) {
                failure.compareAndSet(null, error);
            } else {
                acked.incrementAndGet();
            }
        }

        void check(long sent) {
            if (failure.get() != null) {
                throw new IllegalStateException("a bench append failed: " + failure.get().getMessage(), failure.get());
            }
            if (acked.get() != sent) {
                throw new IllegalStateException(acked.get() + " of " + sent + " appends acknowledged after flush");
            }
        }
    }
}
