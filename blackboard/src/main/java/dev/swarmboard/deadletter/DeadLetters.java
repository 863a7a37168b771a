package dev.swarmboard.deadletter;

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
 * writes, so one topic holds both kinds with one format.
 */
public final class DeadLetters {

    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";
    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";
    public static final String STACKTRACE = "__streams.errors.stacktrace";
    public static final String SERVICE = "swarm.dead-letter.service";
    public static final String FAILED_AT = "swarm.dead-letter.failed-at";

    private DeadLetters() {
    }

    /** A dead letter for the record at the given coordinates. */
    public static ProducerRecord<byte[], byte[]> of(String deadLetterTopic, SourceRecord source, Throwable error,
                                                    String service) {
        Headers headers = new RecordHeaders();
        put(headers, TOPIC, source.topic());
        put(headers, PARTITION, Integer.toString(source.partition()));
        put(headers, OFFSET, Long.toString(source.offset()));
        put(headers, EXCEPTION, error.getClass().getName());
        put(headers, MESSAGE, String.valueOf(error.getMessage()));
        put(headers, STACKTRACE, stackTrace(error));
        put(headers, SERVICE, service);
        put(headers, FAILED_AT, Instant.now().toString());
        return new ProducerRecord<>(deadLetterTopic, null, source.key(), source.value(), headers);
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** The raw coordinates and bytes of a record that could not be processed. */
    public record SourceRecord(String topic, int partition, long offset, byte[] key, byte[] value) {
    }
}
