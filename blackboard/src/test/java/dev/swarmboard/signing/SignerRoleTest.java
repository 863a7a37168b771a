package dev.swarmboard.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.schema.BlackboardEvent;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SignerRoleTest {

    @Test
    void shouldGiveEveryEventTypeOfTheEnvelopeExactlyOneSigner() {
        // Given every payload type the envelope's union can carry
        List<String> types = BlackboardEvent.getClassSchema().getField("payload").schema().getTypes().stream()
                .map(Schema::getName).toList();

        // Then each is written by exactly one role: a type no role may sign is refused under every trust file
        for (String type : types) {
            assertThat(Arrays.stream(SignerRole.values()).filter(role -> role.types().contains(type)))
                    .as("roles that may sign %s", type).hasSize(1);
        }
        assertThat(Arrays.stream(SignerRole.values()).flatMap(role -> role.types().stream()))
                .allMatch(types::contains);
    }
}
