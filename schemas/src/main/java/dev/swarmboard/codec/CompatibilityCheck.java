package dev.swarmboard.codec;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Full transitive compatibility: a candidate schema must read data written by every released
 * version (backward) and every released version must read data the candidate writes (forward).
 */
public final class CompatibilityCheck {

    private CompatibilityCheck() {
    }

    /** Every incompatibility between the candidate and the released versions; empty when compatible. */
    public static List<String> fullTransitive(Schema candidate, List<Schema> released) {
        List<String> problems = new ArrayList<>();
        for (int version = 0; version < released.size(); version++) {
            Schema old = released.get(version);
            describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old),
                    "backward vs release " + (version + 1), problems);
            describe(SchemaCompatibility.checkReaderWriterCompatibility(old, candidate),
                    "forward vs release " + (version + 1), problems);
        }
        return problems;
    }

    private static void describe(SchemaPairCompatibility result, String direction, List<String> problems) {
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            result.getResult().getIncompatibilities().forEach(incompatibility -> problems.add(
                    direction + ": " + incompatibility.getType() + " at " + incompatibility.getLocation()
                            + " (" + incompatibility.getMessage() + ")"));
        }
    }
}
