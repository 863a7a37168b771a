package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ManifestsCommandTest {

    @Test
    void shouldRegenerateTheShippedKafkaTopicsFileWithTheCommandItsHeaderGives() throws Exception {
        // Given the shipped file, whose header names the command that writes it
        String shipped = Files.readString(Path.of("..", "deploy", "kubernetes", "kafka-topics.yaml"));
        assertThat(shipped).contains("swarm.jar manifests kafka-topics --cluster swarm-kafka --namespace swarmboard");

        // When that command runs
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = SwarmCommand.execute("manifests", "kafka-topics", "--cluster", "swarm-kafka", "--namespace", "swarmboard");
        } finally {
            System.setOut(original);
        }

        // Then it prints the file byte for byte
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(shipped);
    }
}
