package dev.swarmboard.orchestrator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReasonCodeDocsTest {

    @Test
    void shouldDocumentEveryReasonCode() throws IOException {
        // Given the mission documentation
        String docs = Files.readString(Path.of("..", "docs", "missions.md"));
        // Then every code the orchestrator can write is explained there
        assertThat(Arrays.stream(ReasonCode.values()).map(code -> "`" + code.name() + "`"))
                .allMatch(docs::contains);
    }
}
