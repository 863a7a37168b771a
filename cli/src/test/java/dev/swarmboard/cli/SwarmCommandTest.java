package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwarmCommandTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureErr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErr() {
        System.setErr(originalErr);
    }

    @Test
    void shouldRejectAnInvalidMissionFileWithExitTwoAndEveryReasonBeforeTouchingKafka(@TempDir Path dir) throws Exception {
        // Given a mission with an unknown tool and an unparseable deadline, and no broker anywhere
        Path mission = dir.resolve("bad.yaml");
        Files.writeString(mission, """
                goal: ship it
                constraints:
                  deadline: next tuesday
                lanes:
                  - id: a
                    objective: do it
                    role: writer
                    tools: [rm-rf]
                """);

        // When submitted
        int exit = SwarmCommand.execute("submit", mission.toString(), "--bootstrap", "127.0.0.1:1",
                "--capabilities", "../examples/capabilities/offline.yaml");

        // Then it is refused locally with one line naming both problems
        assertThat(exit).isEqualTo(2);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message).startsWith("swarm: ").contains("deadline").contains("rm-rf");
        assertThat(message).doesNotContain("\tat ");
    }

    @Test
    void shouldRefuseAnAsOfThatIsNotAnInstant() {
        int exit = SwarmCommand.execute("replay", "m-1", "--as-of", "yesterday", "--bootstrap", "127.0.0.1:1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--as-of yesterday is not an ISO-8601 instant");
    }
}
