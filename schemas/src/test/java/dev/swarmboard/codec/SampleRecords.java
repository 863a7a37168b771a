package dev.swarmboard.codec;

import dev.swarmboard.schema.BlackboardEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Deterministic sample records for tests: every field filled from its schema, the same values on
 * every run, so a new event type is covered without editing the tests.
 */
public final class SampleRecords {

    private SampleRecords() {
    }

    /** One blackboard event per payload type of the envelope union, all for the given mission. */
    public static List<BlackboardEvent> oneEventPerPayloadType(String missionId) {
        Schema payloadUnion = BlackboardEvent.getClassSchema().getField("payload").schema();
        List<BlackboardEvent> events = new ArrayList<>();
        for (Schema payloadSchema : payloadUnion.getTypes()) {
            GenericRecord envelope = (GenericRecord) sample(BlackboardEvent.getClassSchema(), payloadSchema.getName());
            envelope.put("payload", sample(payloadSchema, payloadSchema.getName()));
            GenericRecord header = (GenericRecord) envelope.get("header");
            header.put("missionId", missionId);
            header.put("type", payloadSchema.getName());
            header.put("eventId", missionId + "-" + payloadSchema.getName());
            events.add(toSpecific(envelope));
        }
        return events;
    }

    /** A sample specific record of the given class's schema. */
    public static <T extends SpecificRecord> T sample(Schema schema) {
        return toSpecific((GenericRecord) sample(schema, schema.getName()));
    }

    @SuppressWarnings("unchecked")
    static <T> T toSpecific(GenericRecord generic) {
        return (T) SpecificData.getForSchema(generic.getSchema()).deepCopy(generic.getSchema(), generic);
    }

    private static Object sample(Schema schema, String seed) {
        switch (schema.getType()) {
            case RECORD:
                GenericRecord record = new GenericData.Record(schema);
                for (Schema.Field field : schema.getFields()) {
                    record.put(field.name(), sample(field.schema(), seed + "." + field.name()));
                }
                return record;
            case UNION:
                Schema branch = schema.getTypes().stream()
                        .filter(type -> type.getType() != Schema.Type.NULL).findFirst().orElseThrow();
                return sample(branch, seed);
            case ARRAY:
                return new GenericData.Array<>(schema, List.of(sample(schema.getElementType(), seed + "[0]")));
            case ENUM:
                return new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get(schema.getEnumSymbols().size() - 1));
            case STRING:
                return seed;
            case BOOLEAN:
                return Boolean.TRUE;
            case INT:
                return Math.abs(seed.hashCode() % 1000) + 1;
            case LONG:
                if (schema.getLogicalType() != null) {
                    return java.time.Instant.ofEpochMilli(1_700_000_000_000L + Math.abs(seed.hashCode() % 100_000));
                }
                return 1_700_000_000_000L + Math.abs(seed.hashCode() % 100_000);
            case DOUBLE:
                return 0.25;
            case FLOAT:
                return 0.5f;
            case BYTES:
                return ByteBuffer.wrap(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            default:
                throw new IllegalArgumentException("no sample for " + schema.getType());
        }
    }
}
