package dev.swarmboard.lane.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.capability.Redactor;
import dev.swarmboard.capability.ToolSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile tool cannot do: outlive its run through {@code setsid}, read the worker's environment
 * through {@code /proc}, flood the worker's memory, or turn an argument value into shell syntax or an
 * extra option. The sandbox is required: CI runs on a machine where util-linux {@code unshare} works.
 */
class ToolContainmentTest {

    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final ToolSandbox SANDBOX = ToolSandbox.detect();
    private static final Map<String, String> TOOL_ENV = Map.of("PATH", System.getenv("PATH"));

    @TempDir
    Path workspace;

    private final ToolRunner runner = new ToolRunner(TOOL_ENV::get, SANDBOX, Redactor.NONE);

    private static ToolSpec shell(String script, Duration timeout) {
        return new ToolSpec("t", List.of("sh", "-c", script), Map.of(), Path.of("."), timeout, 65_536, false,
                List.of("PATH"));
    }

    private static ToolResult result(ToolOutcome outcome) {
        assertThat(outcome).isInstanceOf(ToolResult.class);
        return (ToolResult) outcome;
    }

    @Test
    void shouldFindAWorkingSandboxOnThisMachine() {
        assertThat(SANDBOX.isolated()).as("unshare --pid --fork --kill-child --mount-proc works here").isTrue();
    }

    @Test
    void shouldKillADetachedSetsidChildAtTheTimeout() throws Exception {
        // Given: a tool that detaches a long sleep into its own session, then hangs
        String marker = Processes.marker();
        ToolSpec tool = shell("(setsid sleep " + marker + " &); sleep " + Processes.marker(), Duration.ofSeconds(2));

        // When
        CompletableFuture<ToolResult> run = Processes.inBackground(() -> result(runner.run(tool, Map.of(), workspace)));
        await().atMost(GENEROUS).until(() -> Processes.running(marker) == 1);
        ToolResult result = run.get();

        // Then
        assertThat(result.timedOut()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> Processes.running(marker) == 0);
    }

    @Test
    void shouldKillADetachedSetsidChildWhenTheToolExitsNormally() throws Exception {
        // Given: a tool that detaches a long sleep, waits until the test has seen it, and exits 0
        String marker = Processes.marker();
        ToolSpec tool = shell("(setsid sleep " + marker + " > /dev/null 2>&1 &); "
                + "while [ ! -e go ]; do sleep 0.05; done; exit 0", GENEROUS);

        // When
        CompletableFuture<ToolResult> run = Processes.inBackground(() -> result(runner.run(tool, Map.of(), workspace)));
        await().atMost(GENEROUS).until(() -> Processes.running(marker) == 1);
        Files.createFile(workspace.resolve("go"));
        ToolResult result = run.get();

        // Then
        assertThat(result.exitCode()).isZero();
        assertThat(result.timedOut()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> Processes.running(marker) == 0);
    }

    @Test
    void shouldNotLetAToolReadTheWorkersEnvironment() throws Exception {
        // Given: values in this JVM's environment that the tool is not given
        List<String> secrets = System.getenv().entrySet().stream()
                .filter(entry -> !entry.getKey().equals("PATH") && entry.getValue().length() >= 8)
                .map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
        assertThat(secrets).isNotEmpty();
        ToolSpec snoop = shell("cat /proc/$PPID/environ /proc/1/environ /proc/[0-9]*/environ 2>/dev/null"
                + " | tr '\\0' '\\n'; exit 0", GENEROUS);

        // When
        ToolResult contained = result(runner.run(snoop, Map.of(), workspace));
        ToolResult unwrapped = result(new ToolRunner(TOOL_ENV::get, ToolSandbox.none(), Redactor.NONE)
                .run(snoop, Map.of(), workspace));

        // Then: unwrapped, the tool reads them (so the probe works); in the sandbox, none
        assertThat(unwrapped.output()).contains(secrets.get(0));
        assertThat(secrets).noneMatch(secret -> contained.output().contains(secret));
    }

    @Test
    void shouldCapAGigabyteOfOutputWithoutHoldingIt() throws Exception {
        // Given: 1 GiB of zeros, against a heap that could not hold it many times over without notice
        long gib = 1L << 30;
        ToolSpec flood = new ToolSpec("t", List.of("head", "-c", Long.toString(gib), "/dev/zero"), Map.of(),
                Path.of("."), GENEROUS, 4096, false, List.of());
        long heapBefore = usedHeap();

        // When
        ToolResult result = result(runner.run(flood, Map.of(), workspace));

        // Then
        assertThat(result.exitCode()).isZero();
        assertThat(result.truncated()).isTrue();
        assertThat(result.output()).hasSize(4096).matches("\0+");
        assertThat(result.outputHash()).isEqualTo(zerosHash(gib));
        assertThat(usedHeap() - heapBefore).isLessThan(256L << 20);
    }

    @Test
    void shouldPassShellSyntaxNewlinesAndOptionsLiterallyOrRefuseThem() throws Exception {
        // Given: a tool whose pattern admits anything, and one whose pattern is anchored to a word
        ToolSpec echo = new ToolSpec("t", List.of("printf", "[%s]", "{value}"),
                Map.of("value", Pattern.compile("(?s).*")), Path.of("."), GENEROUS, 65_536, false, List.of());
        ToolSpec word = new ToolSpec("t", List.of("printf", "[%s]", "{value}"),
                Map.of("value", Pattern.compile("[a-z][a-z0-9]*")), Path.of("."), GENEROUS, 65_536, false, List.of());
        String hostile = "x; touch pwned $(touch pwned2) `touch pwned3` | cat > out\n--help -rf";

        // When
        ToolResult literal = result(runner.run(echo, Map.of("value", hostile), workspace));

        // Then: one argument, never a shell; nothing was created
        assertThat(literal.output()).isEqualTo("[" + hostile + "]");
        try (var files = Files.list(workspace)) {
            assertThat(files).isEmpty();
        }
        assertThat(runner.run(word, Map.of("value", "--help"), workspace)).isInstanceOf(ToolRejected.class);
        assertThat(runner.run(word, Map.of("value", "abc\n"), workspace)).isInstanceOf(ToolRejected.class);
        assertThat(runner.run(word, Map.of("value", "abc -rf"), workspace)).isInstanceOf(ToolRejected.class);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String zerosHash(long bytes) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] chunk = new byte[1 << 20];
        for (long done = 0; done < bytes; done += chunk.length) {
            digest.update(chunk);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
