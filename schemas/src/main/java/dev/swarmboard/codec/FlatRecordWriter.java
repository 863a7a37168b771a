package dev.swarmboard.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro binary of a record whose fields are strings, ints, longs, timestamp-millis, bytes or unions of
 * null and one of those, with each field's writer chosen once from the schema instead of resolved
 * per value. The envelope header is such a record and Avro generates no encoder for it (it has a
 * logical type); this writes the same bytes as Avro's reflective writer.
 */
final class FlatRecordWriter {

    private final String recordName;
    private final List<FieldWriter> fields;

    private FlatRecordWriter(String recordName, List<FieldWriter> fields) {
        this.recordName = recordName;
        this.fields = fields;
    }

    /** A writer for the schema, or empty when a field has a type this class does not write. */
    static Optional<FlatRecordWriter> of(Schema record) {
        List<FieldWriter> fields = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            Optional<ValueWriter> value = valueWriter(field.schema());
            if (value.isEmpty()) {
                return Optional.empty();
            }
            fields.add(new FieldWriter(field.pos(), field.name(), value.get()));
        }
        return Optional.of(new FlatRecordWriter(record.getName(), List.copyOf(fields)));
    }

    void write(SpecificRecord record, Encoder out) throws IOException {
        for (FieldWriter field : fields) {
            Object value = record.get(field.pos());
            if (value == null && !field.writer().acceptsNull()) {
                throw new NullPointerException("null value for (non-nullable) " + recordName + "." + field.name());
            }
            field.writer().write(value, out);
        }
    }

    private static Optional<ValueWriter> valueWriter(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            return nullable(schema);
        }
        return Optional.ofNullable(switch (schema.getType()) {
            case STRING -> (value, out) -> out.writeString((String) value);
            case INT -> schema.getLogicalType() == null ? (value, out) -> out.writeInt((Integer) value) : null;
            case LONG -> longWriter(schema);
            case BYTES -> schema.getLogicalType() == null ? (value, out) -> out.writeBytes((ByteBuffer) value) : null;
            default -> null;
        });
    }

    private static ValueWriter longWriter(Schema schema) {
        if (schema.getLogicalType() == null) {
            return (value, out) -> out.writeLong((Long) value);
        }
        // TimestampMillisConversion.toLong is Instant.toEpochMilli.
        return schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
                ? (value, out) -> out.writeLong(((Instant) value).toEpochMilli()) : null;
    }

    private static Optional<ValueWriter> nullable(Schema union) {
        List<Schema> branches = union.getTypes();
        if (branches.size() != 2 || branches.stream().noneMatch(branch -> branch.getType() == Schema.Type.NULL)) {
            return Optional.empty();
        }
        int nullIndex = branches.get(0).getType() == Schema.Type.NULL ? 0 : 1;
        Schema valueBranch = branches.get(1 - nullIndex);
        if (valueBranch.getType() == Schema.Type.UNION) {
            return Optional.empty();
        }
        return valueWriter(valueBranch).map(present -> new ValueWriter() {
            @Override
            public void write(Object value, Encoder out) throws IOException {
                if (value == null) {
                    out.writeIndex(nullIndex);
                    out.writeNull();
                } else {
                    out.writeIndex(1 - nullIndex);
                    present.write(value, out);
                }
            }

            @Override
            public boolean acceptsNull() {
                return true;
            }
        });
    }

    /** Writes one value of a field's type. */
    private interface ValueWriter {
        void write(Object value, Encoder out) throws IOException;

        default boolean acceptsNull() {
            return false;
        }
    }

    private record FieldWriter(int pos, String name, ValueWriter writer) {
    }
}
