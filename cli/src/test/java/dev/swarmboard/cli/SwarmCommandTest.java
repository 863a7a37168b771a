package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SwarmCommandTest {

    @RegisterExtension
    final CapturedStdErr err = new CapturedStdErr();

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
        String message = err.text();
        assertThat(message).startsWith("swarm: ").contains("deadline").contains("rm-rf");
        assertThat(message).doesNotContain("\tat ");
    }

    @Test
    void shouldRefuseAnAsOfThatIsNotAnInstant() {
        int exit = SwarmCommand.execute("replay", "m-1", "--as-of", "yesterday", "--bootstrap", "127.0.0.1:1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.text()).contains("--as-of yesterday is not an ISO-8601 instant");
    }

    @Test
    void shouldFailASubmitToAClosedPortInOneLineNamingTheAddressWithinTheBound() throws Exception {
        // Given a valid mission and a local port nobody listens on
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        long start = System.nanoTime();

        // When it is submitted there
        int exit = SwarmCommand.execute("submit", "../examples/missions/demo.yaml", "--bootstrap", "127.0.0.1:" + closed,
                "--capabilities", "../examples/capabilities/offline.yaml", "--workflows", "../examples/workflows");

        // Then one line names the address, the bound and the cause, within the documented 15 s
        assertThat(exit).isEqualTo(1);
        assertThat(err.text()).isEqualTo(
                "swarm: cannot reach Kafka at 127.0.0.1:" + closed + " within 15 s: connection refused"
                        + System.lineSeparator());
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(15));
    }

    @Test
    void shouldNameAnUnknownBootstrapHostInOneLine() {
        long start = System.nanoTime();
        int exit = SwarmCommand.execute("cancel", "m-1", "--reason", "typo", "--bootstrap", "nosuch.invalid:9092");
        assertThat(exit).isEqualTo(1);
        assertThat(err.text()).isEqualTo(
                "swarm: unknown host nosuch.invalid in --bootstrap" + System.lineSeparator());
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(15));
    }
}
