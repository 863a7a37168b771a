package dev.swarmboard.codec;

import org.apache.avro.SystemLimitException;

/**
 * Avro's process-wide decode limits ({@code org.apache.avro.limits.*}), lowered from their ≈ 2 GiB
 * defaults to sizes no Swarmboard record can reach (Kafka refuses records over a few MiB anyway).
 * Avro reads them once, when {@link SystemLimitException} is first loaded, so they are set as
 * system properties before any decoding; a value given on the command line wins.
 */
final class AvroLimits {

    /** Largest string or bytes field accepted, in bytes. */
    static final int MAX_FIELD_BYTES = 16 * 1024 * 1024;
    /** Largest array or map accepted, in items. */
    static final int MAX_COLLECTION_ITEMS = 1_000_000;

    private AvroLimits() {
    }

    static void install() {
        System.getProperties().putIfAbsent(SystemLimitException.MAX_STRING_LENGTH_PROPERTY,
                Integer.toString(MAX_FIELD_BYTES));
        System.getProperties().putIfAbsent(SystemLimitException.MAX_BYTES_LENGTH_PROPERTY,
                Integer.toString(MAX_FIELD_BYTES));
        System.getProperties().putIfAbsent(SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY,
                Integer.toString(MAX_COLLECTION_ITEMS));
    }
}
