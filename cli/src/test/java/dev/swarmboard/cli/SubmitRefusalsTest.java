package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code swarm submit} refuses hostile input locally, at once, with one line and exit 2, before any broker. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SubmitRefusalsTest {

    private static final String CAPABILITIES = "../examples/capabilities/offline.yaml";
    private static final String NO_BROKER = "127.0.0.1:1";

    @RegisterExtension
    final CapturedStdErr err = new CapturedStdErr();

    @TempDir
    Path dir;

    @Test
    void shouldRefuseDevZeroAtOnce() {
        assertRefused(submit("/dev/zero"), "/dev/zero is a device, FIFO or socket, not a regular file");
    }

    @Test
    void shouldRefuseAFifoWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("mission.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(5, TimeUnit.SECONDS)).isTrue();

        assertRefused(submit(fifo.toString()), "mission.fifo is a device, FIFO or socket, not a regular file");
    }

    @Test
    void shouldRefuseADirectory() {
        assertRefused(submit(dir.toString()), "is a directory, not a regular file");
    }

    @Test
    void shouldRefuseAFileOverTheSizeCap() throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "goal: " + "x".repeat(2 * 1024 * 1024) + "\n");

        assertRefused(submit(big.toString()), "is 2097159 bytes, over the limit of 1048576 bytes");
    }

    @Test
    void shouldRefuseACapabilitiesFileThatIsADevice() throws IOException {
        Path mission = mission("goal: ship it\n");

        int exit = SwarmCommand.execute("submit", mission.toString(), "--bootstrap", NO_BROKER,
                "--capabilities", "/dev/zero");

        assertRefused(exit, "/dev/zero is a device, FIFO or socket, not a regular file");
    }

    @Test
    void shouldRefuseAYamlAliasWithItsLine() throws IOException {
        Path mission = mission("""
                goal: &g Write the brief
                lanes:
                  - id: a
                    objective: *g
                    role: writer
                """);

        assertRefused(submit(mission.toString()), "lanes[0].objective (line 4): YAML alias *g is not supported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P300000000000D", "'+999999999-12-31T23:59:59Z'", "P1000000000000D"})
    void shouldRefuseADeadlineOutOfRangeAsInvalidDeadline(String deadline) throws IOException {
        Path mission = mission("goal: ship it\nconstraints:\n  deadline: " + deadline + "\n");

        assertRefused(submit(mission.toString()), "INVALID_DEADLINE at constraints.deadline");
    }

    @Test
    void shouldRefuseTenThousandLanesNamingTheLimit() throws IOException {
        String lanes = IntStream.range(0, 10_000).mapToObj(i -> "  - {id: l" + i + ", objective: o, role: writer}")
                .collect(Collectors.joining("\n"));
        Path mission = mission("goal: ship it\nlanes:\n" + lanes + "\n");

        assertRefused(submit(mission.toString()), "LIMIT_EXCEEDED at lanes");
        assertThat(err.text()).contains("over the limit of 100");
    }

    @Test
    void shouldRefuseACancelReasonOverTheLimitBeforeKafka() {
        int exit = SwarmCommand.execute("cancel", "m-1", "--reason", "x".repeat(1_001), "--bootstrap", NO_BROKER);

        assertRefused(exit, "LIMIT_EXCEEDED at --reason: --reason is over the limit of 1000 bytes");
    }

    @Test
    void shouldRefuseALiteralWebhookUrlWithoutEchoingIt() throws IOException {
        Path mission = mission("""
                goal: ship it
                contact:
                  critical: "webhook:https://hooks.example.org/T0SECRET?token=s3cr3t"
                """);

        assertRefused(submit(mission.toString()), "INVALID_CONTACT at contact.critical");
        assertThat(err.text()).doesNotContain("s3cr3t").doesNotContain("T0SECRET");
    }

    @Test
    void shouldRefuseAConfirmationTimeoutThatIsNotADuration() throws IOException {
        Path mission = mission("""
                goal: ship it
                constraints:
                  requires_confirmation: true
                  confirmation_timeout: tomorrow
                """);

        assertRefused(submit(mission.toString()), "INVALID_CONFIRMATION_TIMEOUT at constraints.confirmation_timeout");
    }

    private Path mission(String yaml) throws IOException {
        return Files.writeString(dir.resolve("mission.yaml"), yaml);
    }

    private static int submit(String file) {
        return SwarmCommand.execute("submit", file, "--bootstrap", NO_BROKER, "--capabilities", CAPABILITIES);
    }

    private void assertRefused(int exit, String expected) {
        String message = err.text();
        assertThat(exit).as(message).isEqualTo(2);
        assertThat(message).startsWith("swarm: ").contains(expected).doesNotContain("\tat ");
        assertThat(message.strip().lines()).hasSize(1);
    }
}
