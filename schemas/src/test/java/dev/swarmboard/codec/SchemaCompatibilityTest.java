package dev.swarmboard.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityTest {

    private static final Map<String, Schema> CURRENT = Map.of(
            "BlackboardEvent", dev.swarmboard.schema.BlackboardEvent.getClassSchema(),
            "MissionCommand", dev.swarmboard.schema.MissionCommand.getClassSchema(),
            "RunLane", dev.swarmboard.schema.RunLane.getClassSchema());

    @ParameterizedTest
    @ValueSource(strings = {"BlackboardEvent", "MissionCommand", "RunLane"})
    void shouldKeepCurrentSchemaFullyTransitivelyCompatibleWithEveryRelease(String name) {
        // Given every released version of the schema
        var released = SchemaHistory.versionsOf(name);

        // When the current generated schema is checked against them
        var problems = CompatibilityCheck.fullTransitive(CURRENT.get(name), released);

        // Then there is nothing to report
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldReportAnIncompatibleEditWithItsLocation() {
        // Given the released envelope with a new required field added to the header
        String released = SchemaHistory.load("v1", "RunLane").toString();
        String edited = released.replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"priority\",\"type\":\"int\"},");

        // When the edit is checked
        var problems = CompatibilityCheck.fullTransitive(new Schema.Parser().parse(edited),
                SchemaHistory.versionsOf("RunLane"));

        // Then old data cannot be read by the edit, and the problem names the field
        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .startsWith("backward").contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("priority"));
    }

    @Test
    void shouldTreatAddedFieldWithDefaultAsCompatible() {
        // Given the released lane task with an optional field added
        String released = SchemaHistory.load("v1", "RunLane").toString();
        String edited = released.replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"priority\",\"type\":\"int\",\"default\":0},");

        // When the edit is checked, Then both directions are compatible
        assertThat(CompatibilityCheck.fullTransitive(new Schema.Parser().parse(edited),
                SchemaHistory.versionsOf("RunLane"))).isEmpty();
    }

    @Test
    void shouldAllowANewEventTypeButNoOtherForwardBreak() {
        // Given release 1 of the envelope, which has no ChangeApplied event
        Schema v1 = SchemaHistory.load("v1", "BlackboardEvent");
        Schema v2 = SchemaHistory.load("v2", "BlackboardEvent");

        // When Avro itself compares them, Then an old reader lacks exactly the new payload branch
        var raw = org.apache.avro.SchemaCompatibility.checkReaderWriterCompatibility(v1, v2).getResult()
                .getIncompatibilities();
        assertThat(raw).isNotEmpty().allSatisfy(incompatibility ->
                assertThat(CompatibilityCheck.isNewEventType(incompatibility)).isTrue());
        assertThat(CompatibilityCheck.fullTransitive(v2, java.util.List.of(v1))).isEmpty();

        // And a removed event type (old data unreadable) is still reported
        assertThat(CompatibilityCheck.fullTransitive(v1, java.util.List.of(v2)))
                .anySatisfy(problem -> assertThat(problem).startsWith("backward").contains("MISSING_UNION_BRANCH"));
    }
}
