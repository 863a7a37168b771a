package dev.swarmboard.codec;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * Writer schemas by their 64-bit Avro fingerprint (CRC-64-AVRO of the parsing canonical form).
 * Seeded with the bundled history and the current schemas; the schemas-topic loader adds any
 * schema a newer writer published, so a reader can decode events written after it was built.
 */
public final class SchemaRegistry implements SchemaStore {

    private final Map<Long, Schema> byFingerprint = new ConcurrentHashMap<>();

    /** A registry holding the bundled history and the given current schemas. */
    public static SchemaRegistry withHistory(Collection<Schema> current) {
        SchemaRegistry registry = new SchemaRegistry();
        SchemaHistory.all().forEach(registry::add);
        current.forEach(registry::add);
        return registry;
    }

    /** Adds a writer schema; returns its fingerprint. */
    public long add(Schema schema) {
        long fingerprint = fingerprint(schema);
        byFingerprint.putIfAbsent(fingerprint, schema);
        return fingerprint;
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    /** Every schema known, in no particular order. */
    public List<Schema> schemas() {
        return List.copyOf(byFingerprint.values());
    }

    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /** The fingerprint as 16 lowercase hex digits: the key on the schemas topic. */
    public static String fingerprintHex(Schema schema) {
        return String.format("%016x", fingerprint(schema));
    }
}
