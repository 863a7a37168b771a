package dev.swarmboard.deadletter;

import dev.swarmboard.telemetry.SwarmMetrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Dead-letter records: the original key and value bytes untouched, and headers naming where they
 * came from and why they failed. The header names are those Kafka Streams' own dead-letter queue
 * writes, so one topic holds both kinds with one format; every dead letter also names the service
 * and the instance that wrote it, which {@link Origin} makes impossible to leave out.
 */
public final class DeadLetters {

    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";
    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";
    public static final String STACKTRACE = "__streams.errors.stacktrace";
    public static final String SERVICE = "swarm.dead-letter.service";
    public static final String INSTANCE = "swarm.dead-letter.instance";
    public static final String FAILED_AT = "swarm.dead-letter.failed-at";

    private DeadLetters() {
    }

    /** A dead letter for the record at the given coordinates. */
    public static ProducerRecord<byte[], byte[]> of(String deadLetterTopic, SourceRecord source, Throwable error,
                                                    Origin origin) {
        Headers headers = new RecordHeaders();
        put(headers, TOPIC, source.topic());
        put(headers, PARTITION, Integer.toString(source.partition()));
        put(headers, OFFSET, Long.toString(source.offset()));
        put(headers, EXCEPTION, error.getClass().getName());
        put(headers, MESSAGE, String.valueOf(error.getMessage()));
        put(headers, STACKTRACE, stackTrace(error));
        stamp(headers, origin);
        return new ProducerRecord<>(deadLetterTopic, null, source.key(), source.value(), headers);
    }

    /** A dead letter for a record the client could not read at all: coordinates and error, no bytes. */
    public static ProducerRecord<byte[], byte[]> of(String deadLetterTopic, UnreadableRecord unreadable, Origin origin) {
        return of(deadLetterTopic, unreadable.source(), unreadable.error(), origin);
    }

    /**
     * Adds the service, instance and time headers, replacing any present (Kafka Streams' records lack them),
     * and counts the letter in {@code swarm_dead_letters_total}: every dead letter passes here.
     */
    public static void stamp(Headers headers, Origin origin) {
        SwarmMetrics.deadLetter(origin.service());
        headers.remove(SERVICE);
        headers.remove(INSTANCE);
        headers.remove(FAILED_AT);
        put(headers, SERVICE, origin.service());
        put(headers, INSTANCE, origin.instance());
        put(headers, FAILED_AT, Instant.now().toString());
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** The service (orchestrator, verifier, digest, lane-worker, cli) and instance that wrote a dead letter. */
    public record Origin(String service, String instance) {

        public Origin {
            if (service == null || service.isBlank() || instance == null || instance.isBlank()) {
                throw new IllegalArgumentException("a dead letter needs a service and an instance, got service "
                        + service + " instance " + instance);
            }
        }
    }

    /** The raw coordinates and bytes of a record that could not be processed (bytes null when unreadable). */
    public record SourceRecord(String topic, int partition, long offset, byte[] key, byte[] value) {
    }
}
