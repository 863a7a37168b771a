package dev.swarmboard.orchestrator.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.orchestrator.workflow.WorkflowReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedRegistryTest {

    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void shouldPublishContentThatReadsBackAsTheSameRegistryAndWorkflows() {
        // Given the example registry and workflows
        Path registry = EXAMPLES.resolve("capabilities/offline.yaml");

        // When they are published and read back
        PublishedRegistry published = PublishedRegistry.fromJson(PublishedRegistry.of(registry,
                EXAMPLES.resolve("workflows"), "orchestrator/test", "2026-12-02T00:00:00Z").toJson());

        // Then the content parses to the same registry, every workflow reads, and the hashes match the files
        assertThat(CapabilityRegistry.parse(published.registry(), Path.of(published.registryDir())).orThrow("published"))
                .hasToString(CapabilityRegistry.load(registry).toString()); // tool arg Patterns have no equals
        assertThat(published.workflows()).isNotEmpty()
                .allSatisfy((name, body) -> assertThat(WorkflowReader.read(body).isValid()).as(name).isTrue());
        assertThat(published.registryHash()).isEqualTo(PublishedRegistry.registryHashOf(registry));
        assertThat(published.workflowsHash()).isEqualTo(PublishedRegistry.workflowsHashOf(EXAMPLES.resolve("workflows")));
    }

    @Test
    void shouldHashContentNotCommentsOrLayoutAndTellADifferentRegistryApart() throws Exception {
        // Given the example registry re-laid out with a comment, and one with a changed price
        String original = Files.readString(EXAMPLES.resolve("capabilities/offline.yaml"));
        Path commented = Files.writeString(dir.resolve("commented.yaml"), "# a comment\n" + original + "\n\n");
        Path changed = Files.writeString(dir.resolve("changed.yaml"), original.replaceFirst("models:", "models:\n  extra:\n    provider: scripted\n"));

        // Then
        String hash = PublishedRegistry.registryHashOf(EXAMPLES.resolve("capabilities/offline.yaml"));
        assertThat(PublishedRegistry.registryHashOf(commented)).isEqualTo(hash);
        assertThat(PublishedRegistry.registryHashOf(changed)).isNotEqualTo(hash);
    }

    @Test
    void shouldRefuseAValueWhoseContentDoesNotMatchItsHash() {
        assertThatThrownBy(() -> PublishedRegistry.fromJson(
                "{\"registry\":\"{}\",\"registryHash\":\"00\",\"registryDir\":\"/\",\"workflows\":{}}".getBytes()))
                .hasMessageContaining("does not match its hash");
    }
}
