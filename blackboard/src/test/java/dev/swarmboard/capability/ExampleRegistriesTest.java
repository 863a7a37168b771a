package dev.swarmboard.capability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExampleRegistriesTest {

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("..", "examples", "capabilities")).filter(file -> file.toString().endsWith(".yaml"));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void shouldLoadEveryExampleRegistry(Path file) {
        // When
        CapabilityRegistry registry = CapabilityRegistry.load(file);

        // Then
        assertThat(List.of("writer", "reviewer", "planner", "judge")).allSatisfy(role ->
                assertThat(registry.modelForRole(role)).as(role).isPresent());
        assertThat(registry.modelForRole("any-role")).isEmpty();
        assertThat(registry.tools()).containsKey("unit-tests");
        assertThat(registry.tool("unit-tests").orElseThrow().tests()).isTrue();
    }
}
