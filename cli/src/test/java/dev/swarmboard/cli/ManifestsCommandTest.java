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

    @Test
    void shouldRegenerateTheShippedKafkaUsersFileWithTheCommandItsHeaderGives() throws Exception {
        // Given the shipped file, whose header names the command that writes it
        String shipped = Files.readString(Path.of("..", "deploy", "kubernetes", "kafka-users.yaml"));
        assertThat(shipped).contains("swarm.jar manifests kafka-users --cluster swarm-kafka --namespace swarmboard");

        // When that command runs, Then it prints the file byte for byte
        assertThat(run("manifests", "kafka-users", "--cluster", "swarm-kafka", "--namespace", "swarmboard"))
                .isEqualTo(shipped);
    }

    @Test
    void shouldPrintTheAclsOfPrincipalsAndTopicsNamedOnTheCommandLine() {
        // When swarm acls runs with another topic prefix and one service's user named
        String printed = run("acls", "--topic-prefix", "team.", "--principal-prefix", "team-",
                "--principal", "digest=reports-bot");

        // Then every rule names that prefix and those users
        assertThat(printed).contains("User:team-lane-worker", "User:reports-bot", "topic team.missions (literal)")
                .doesNotContain("swarm.", "User:team-digest");
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(SwarmCommand.execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
