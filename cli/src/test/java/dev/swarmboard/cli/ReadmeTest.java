package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void shouldCarryTheConfigurationTableTheCodeDefines() throws Exception {
        // Given the README and the parameters every service declares
        String readme = Files.readString(ROOT.resolve("README.md"));

        // Then the README holds exactly the table `swarm config` prints
        assertThat(readme).contains(ConfigCommand.table());
    }

    @Test
    void shouldGiveTheTestCommandThatCiRuns() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String ci = Files.readString(ROOT.resolve(".ci/run"));

        assertThat(readme).contains("./mvnw -B verify");
        assertThat(ci).contains("./mvnw -B verify");
    }
}
