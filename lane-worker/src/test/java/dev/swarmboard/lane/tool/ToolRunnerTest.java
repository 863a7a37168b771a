package dev.swarmboard.lane.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.capability.Redactor;
import dev.swarmboard.capability.ToolSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolRunnerTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);

    @TempDir
    Path workspace;

    private static final ToolSandbox SANDBOX = ToolSandbox.detect();

    private final ToolRunner runner = new ToolRunner(
            Map.of("PATH", System.getenv("PATH"), "VISIBLE", "yes", "HIDDEN", "no")::get, SANDBOX, Redactor.NONE);

    private static ToolSpec tool(List<String> command) {
        return tool(command, Map.of(), Path.of("."), GENEROUS, 65_536, List.of("PATH"));
    }

    private static ToolSpec tool(List<String> command, Map<String, Pattern> args, Path workingDir, Duration timeout,
            int capBytes, List<String> env) {
        return new ToolSpec("t", command, args, workingDir, timeout, capBytes, false, env);
    }

    private ToolResult ran(ToolSpec spec, Map<String, String> args) throws InterruptedException {
        ToolOutcome outcome = runner.run(spec, args, workspace);
        assertThat(outcome).isInstanceOf(ToolResult.class);
        return (ToolResult) outcome;
    }

    private ToolRejected rejected(ToolSpec spec, Map<String, String> args) throws InterruptedException {
        ToolOutcome outcome = runner.run(spec, args, workspace);
        assertThat(outcome).isInstanceOf(ToolRejected.class);
        return (ToolRejected) outcome;
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldRunACommandAndHashItsOutput() throws Exception {
        // Given
        ToolSpec printf = tool(List.of("printf", "%s-%s\\n", "{a}", "{b}"),
                Map.of("a", Pattern.compile("[a-z]+"), "b", Pattern.compile("[0-9]+")), Path.of("."), GENEROUS,
                65_536, List.of());

        // When
        ToolResult result = ran(printf, Map.of("a", "lane", "b", "42"));

        // Then
        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).isEqualTo("lane-42\n");
        assertThat(result.outputHash()).isEqualTo(sha256("lane-42\n"));
        assertThat(result.truncated()).isFalse();
        assertThat(result.timedOut()).isFalse();
    }

    @Test
    void shouldReportANonZeroExitAndCaptureStderr() throws Exception {
        // When
        ToolResult result = ran(tool(List.of("sh", "-c", "echo failing >&2; exit 3")), Map.of());

        // Then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).isEqualTo("failing\n");
        assertThat(result.timedOut()).isFalse();
    }

    @Test
    void shouldKillTheWholeProcessTreeAtTheTimeout() throws Exception {
        // Given: a shell that starts a long sleep in the background and waits for it
        String marker = Processes.marker();
        ToolSpec slow = tool(List.of("sh", "-c", "sleep " + marker + " & wait"), Map.of(), Path.of("."),
                Duration.ofMillis(1500), 65_536, List.of("PATH"));

        // When
        CompletableFuture<ToolResult> run = Processes.inBackground(() -> ran(slow, Map.of()));
        await().atMost(GENEROUS).until(() -> Processes.running(marker) > 0);
        ToolResult result = run.get();

        // Then
        assertThat(result.timedOut()).isTrue();
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.durationMs()).isLessThan(10_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> Processes.running(marker) == 0);
    }

    @Test
    void shouldCapTheOutputButHashAllOfItWithoutBlockingOnAFullPipe() throws Exception {
        // Given: about 1.3 MB of output, far more than a pipe buffer
        String full = IntStream.rangeClosed(1, 200_000).mapToObj(Integer::toString)
                .collect(Collectors.joining("\n", "", "\n"));

        // When
        ToolResult result = ran(tool(List.of("seq", "1", "200000"), Map.of(), Path.of("."), GENEROUS, 1000,
                List.of()), Map.of());

        // Then
        assertThat(result.exitCode()).isZero();
        assertThat(result.truncated()).isTrue();
        assertThat(result.output()).isEqualTo(full.substring(0, 1000));
        assertThat(result.outputHash()).isEqualTo(sha256(full));
    }

    @Test
    void shouldNotSplitAUtf8CharacterAtTheCap() throws Exception {
        // When: "ééé" is six bytes; a five-byte cap must not keep half of the third é
        ToolResult result = ran(tool(List.of("printf", "ééé"), Map.of(), Path.of("."), GENEROUS, 5, List.of()),
                Map.of());

        // Then
        assertThat(result.output()).isEqualTo("éé");
        assertThat(result.truncated()).isTrue();
        assertThat(result.outputHash()).isEqualTo(sha256("ééé"));
    }

    @Test
    void shouldPassOnlyTheAllowlistedEnvironment() throws Exception {
        // When
        ToolResult result = ran(tool(List.of("env"), Map.of(), Path.of("."), GENEROUS, 65_536,
                List.of("PATH", "VISIBLE", "ABSENT")), Map.of());

        // Then
        assertThat(result.output().lines().map(line -> line.substring(0, line.indexOf('='))))
                .containsExactlyInAnyOrder("PATH", "VISIBLE");
        assertThat(result.output()).contains("VISIBLE=yes").doesNotContain("HIDDEN");
    }

    @Test
    void shouldRejectArgumentsThatAreUnknownMissingOrDoNotMatch() throws Exception {
        // Given
        ToolSpec wc = tool(List.of("wc", "-l", "{file}", "{mode}"),
                Map.of("file", Pattern.compile("[a-z]+\\.txt"), "mode", Pattern.compile("fast|slow")), Path.of("."),
                GENEROUS, 65_536, List.of());

        // Then
        assertThat(rejected(wc, Map.of("file", "notes.txt; rm -rf /", "mode", "fast")).reason())
                .isEqualTo("argument 'file' does not match [a-z]+\\.txt");
        assertThat(rejected(wc, Map.of("file", "notes.txt")).reason()).isEqualTo("missing argument 'mode'");
        assertThat(rejected(wc, Map.of("file", "notes.txt", "mode", "fast", "extra", "x")).reason())
                .isEqualTo("unknown argument 'extra'");
    }

    @Test
    void shouldKeepAValueWithinItsOwnArgument() throws Exception {
        // Given
        ToolSpec printf = tool(List.of("printf", "[%s]", "{words}"), Map.of("words", Pattern.compile("[a-z ]+")),
                Path.of("."), GENEROUS, 65_536, List.of());

        // When
        ToolResult result = ran(printf, Map.of("words", "two words"));

        // Then
        assertThat(result.output()).isEqualTo("[two words]");
    }

    @Test
    void shouldRunInTheWorkingDirInsideTheWorkspace() throws Exception {
        // Given
        Path sub = Files.createDirectories(workspace.resolve("sub"));

        // When
        ToolResult result = ran(tool(List.of("pwd"), Map.of(), Path.of("sub"), GENEROUS, 65_536, List.of()), Map.of());

        // Then
        assertThat(result.output().strip()).isEqualTo(sub.toRealPath().toString());
    }

    @Test
    void shouldRejectAWorkingDirThatEscapesTheWorkspace() throws Exception {
        // Given
        Path outside = Files.createDirectories(workspace.resolveSibling(workspace.getFileName() + "-outside"));
        Files.createSymbolicLink(workspace.resolve("link"), outside);

        // Then
        assertThat(rejected(tool(List.of("pwd"), Map.of(), Path.of("../" + outside.getFileName()), GENEROUS, 65_536,
                List.of()), Map.of()).reason()).contains("is not a directory inside the workspace");
        assertThat(rejected(tool(List.of("pwd"), Map.of(), Path.of("link"), GENEROUS, 65_536, List.of()), Map.of())
                .reason()).contains("is not a directory inside the workspace");
        Files.delete(workspace.resolve("link"));
        Files.delete(outside);
    }

    @Test
    void shouldRejectACommandThatCannotStart() throws Exception {
        // When
        ToolRejected rejected = rejected(tool(List.of("/nonexistent/tool")), Map.of());

        // Then
        assertThat(rejected.tool()).isEqualTo("t");
        assertThat(rejected.reason()).startsWith("cannot start /nonexistent/tool");
    }

    @Test
    void shouldGiveTheToolNoInput() throws Exception {
        // When: cat would wait forever on an open stdin
        ToolResult result = ran(tool(List.of("cat")), Map.of());

        // Then
        assertThat(result.timedOut()).isFalse();
        assertThat(result.output()).isEmpty();
    }
}
