package dev.swarmboard.codec;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Full transitive compatibility: a candidate schema must read data written by every released
 * version (backward) and every released version must read data the candidate writes (forward).
 * The one forward break the history allows is a new event type: a branch added to an envelope's
 * payload union. An older reader cannot decode that one event and dead-letters it (see
 * docs/decisions.md); every other event it still reads.
 */
public final class CompatibilityCheck {

    /** Where a top-level envelope keeps its payload union (field 1, after the header). */
    static final String PAYLOAD_UNION = "/fields/1/type";

    private CompatibilityCheck() {
    }

    /** Every incompatibility between the candidate and the released versions; empty when compatible. */
    public static List<String> fullTransitive(Schema candidate, List<Schema> released) {
        List<String> problems = new ArrayList<>();
        for (int version = 0; version < released.size(); version++) {
            Schema old = released.get(version);
            describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old),
                    "backward vs release " + (version + 1), false, problems);
            describe(SchemaCompatibility.checkReaderWriterCompatibility(old, candidate),
                    "forward vs release " + (version + 1), true, problems);
        }
        return problems;
    }

    private static void describe(SchemaPairCompatibility result, String direction, boolean forward,
                                 List<String> problems) {
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            result.getResult().getIncompatibilities().stream()
                    .filter(incompatibility -> !(forward && isNewEventType(incompatibility)))
                    .forEach(incompatibility -> problems.add(
                    direction + ": " + incompatibility.getType() + " at " + incompatibility.getLocation()
                            + " (" + incompatibility.getMessage() + ")"));
        }
    }

    /** A writer union branch the old reader lacks, directly in the envelope's payload union. */
    static boolean isNewEventType(Incompatibility incompatibility) {
        return incompatibility.getType() == SchemaIncompatibilityType.MISSING_UNION_BRANCH
                && incompatibility.getLocation().matches(PAYLOAD_UNION.replace("/", "\\/") + "\\/\\d+");
    }
}
