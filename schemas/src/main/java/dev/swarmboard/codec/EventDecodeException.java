package dev.swarmboard.codec;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Bytes that could not be decoded into a Swarmboard record, with a typed cause. It extends Kafka's
 * {@link SerializationException} so consumers and Kafka Streams surface it with the record's
 * topic, partition and offset.
 */
public final class EventDecodeException extends SerializationException {

    /** Why the bytes were refused. */
    public enum Cause {
        /** Null or zero-length value. */
        EMPTY,
        /** Not Avro single-object encoding: the two-byte marker C3 01 is missing. */
        BAD_MARKER,
        /** The 8-byte schema fingerprint names no schema known from history or the schemas topic. */
        UNKNOWN_FINGERPRINT,
        /** A declared string, bytes or collection length exceeds what is left of the record or a decode limit. */
        OVERSIZED,
        /** The body ended before the record did. */
        TRUNCATED,
        /** The body does not match the writer schema (bad union index, negative length, bad UTF-8 …). */
        MALFORMED_BODY
    }

    private final Cause reason;

    public EventDecodeException(Cause reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    public Cause reason() {
        return reason;
    }
}
