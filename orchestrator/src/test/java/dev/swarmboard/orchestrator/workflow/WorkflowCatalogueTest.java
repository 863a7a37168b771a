package dev.swarmboard.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowCatalogueTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "workflows");

    @Test
    void shouldLoadTheExampleWorkflows() {
        WorkflowCatalogue catalogue = WorkflowCatalogue.load(EXAMPLES);

        assertThat(catalogue.names()).containsExactly("feature-build", "phases", "plan", "prey", "tdd",
                "workshop");
    }

    @Test
    void shouldShipAPreyExampleThatIsTheBuiltInDefault() {
        // Given the example prey file and the built-in prey
        // When the example is loaded
        Workflow example = WorkflowCatalogue.load(EXAMPLES).find("prey").orElseThrow();
        // Then it is the same workflow, so the file documents what runs without it
        assertThat(example).isEqualTo(BuiltInWorkflows.PREY);
        assertThat(WorkflowCatalogue.builtIn().names()).containsExactly("prey");
    }

    @Test
    void shouldRefuseTheWholeDirectoryWhenOneFileIsInvalid(@TempDir Path directory) throws IOException {
        // Given one valid workflow and one whose name differs from its file name
        Files.writeString(directory.resolve("good.yaml"), "name: good\nphases: [{name: a, type: single, role: r,"
                + " output: o}]\n");
        Files.writeString(directory.resolve("bad.yaml"), "name: other\nphases: [{name: a, type: single, role: r,"
                + " output: o}]\n");
        // When the directory is loaded, then it is refused naming the file and the problem
        assertThatThrownBy(() -> WorkflowCatalogue.load(directory))
                .hasMessageContaining("bad.yaml: name: must equal the file name 'bad'");
    }

    @Test
    void shouldLetAFileReplaceTheBuiltInPrey(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("prey.yaml"), "name: prey\nphases: [{name: only, type: single,"
                + " role: engage, output: engage_report}]\n");

        assertThat(WorkflowCatalogue.load(directory).find("prey").orElseThrow().outputs())
                .containsExactly("engage_report");
    }
}
