package dev.swarmboard.lane.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.capability.Redactor;
import dev.swarmboard.capability.ToolSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile requests and hostile tools: values that smuggle options, working directories that leave the
 * workspace through links, tools that fork children that never exit or print without end, and a worker
 * environment holding model keys. Each is refused before a process starts, or contained.
 */
class HostileToolTest {

    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final ToolSandbox SANDBOX = ToolSandbox.detect();
    private static final Map<String, String> WORKER_ENV = Map.of("PATH", System.getenv("PATH"),
            "OPENROUTER_API_KEY", "sk-or-v1-0123456789abcdef", "OPENAI_API_KEY", "sk-proj-abcdef0123456789");
    /** A pattern a registry may well write for file names: it admits '-' anywhere (the audit warns). */
    private static final Pattern PERMISSIVE = Pattern.compile("[A-Za-z0-9_.=/-]+");

    @TempDir
    Path workspace;

    private final ToolRunner runner = new ToolRunner(WORKER_ENV::get, SANDBOX, Redactor.NONE);

    private static ToolSpec tool(List<String> command, Map<String, Pattern> args, Path workingDir, Duration timeout,
                                 int capBytes, List<String> env) {
        return new ToolSpec("t", command, args, workingDir, timeout, capBytes, false, env);
    }

    private static ToolSpec printf(String element, Pattern pattern) {
        return tool(List.of("printf", "[%s]", element), Map.of("value", pattern), Path.of("."), GENEROUS, 65_536,
                List.of());
    }

    private ToolResult ran(ToolSpec spec, Map<String, String> args) throws InterruptedException {
        ToolOutcome outcome = runner.run(spec, args, workspace);
        assertThat(outcome).isInstanceOf(ToolResult.class);
        return (ToolResult) outcome;
    }

    private String refusal(ToolSpec spec, Map<String, String> args) throws InterruptedException {
        ToolOutcome outcome = runner.run(spec, args, workspace);
        assertThat(outcome).isInstanceOf(ToolRejected.class);
        return ((ToolRejected) outcome).reason();
    }

    @Test
    void shouldRefuseAValueThatWouldBeReadAsAnOptionWhateverItsPatternAdmits() throws Exception {
        // Given a file argument whose pattern admits '-', as its own argv element
        ToolSpec file = printf("{value}", PERMISSIVE);

        // Then option-shaped values are refused before a process starts, naming the argument
        for (String smuggled : List.of("--output=/etc/x", "-rf", "-")) {
            assertThat(refusal(file, Map.of("value", smuggled))).isEqualTo("argument 'value' starts with '-' and "
                    + "would be read as an option; an option belongs in the tool's command template");
        }
        // and a '-' inside the value, or a value after a literal option prefix, stays one literal argument
        assertThat(ran(file, Map.of("value", "notes-v2.txt")).output()).isEqualTo("[notes-v2.txt]");
        assertThat(ran(printf("--name={value}", PERMISSIVE), Map.of("value", "-rf")).output())
                .isEqualTo("[--name=-rf]");
    }

    @Test
    void shouldMatchPatternsAgainstTheWholeValue() throws Exception {
        // Given patterns written without anchors, one of them an alternation
        ToolSpec word = printf("{value}", Pattern.compile("[a-z]+"));
        ToolSpec mode = printf("{value}", Pattern.compile("fast|slow"));

        // Then a value that only starts or ends with a match is refused: shell syntax, newlines, extra words
        for (String hostile : List.of("abc;rm -rf /", "abc\n--help", "abc\n", "$(id)", "abc def", "a`id`")) {
            assertThat(refusal(word, Map.of("value", hostile))).isEqualTo("argument 'value' does not match [a-z]+");
        }
        assertThat(refusal(mode, Map.of("value", "fast; id"))).isEqualTo("argument 'value' does not match fast|slow");
        assertThat(refusal(mode, Map.of("value", "x slow"))).isEqualTo("argument 'value' does not match fast|slow");
        assertThat(ran(mode, Map.of("value", "slow")).output()).isEqualTo("[slow]");
    }

    @Test
    void shouldRefuseAWorkingDirThatLeavesTheWorkspaceThroughANestedLink() throws Exception {
        // Given links deep inside the workspace: to a folder outside, to the workspace's parent, and one inside
        Path outside = Files.createDirectories(workspace.resolveSibling(workspace.getFileName() + "-elsewhere"));
        Path deep = Files.createDirectories(workspace.resolve("src/main"));
        Files.createSymbolicLink(deep.resolve("out"), outside);
        Files.createSymbolicLink(deep.resolve("up"), Path.of("../../.."));
        Files.createSymbolicLink(deep.resolve("home"), workspace.resolve("src"));

        try {
            // Then both escapes are refused and the link that stays inside runs where it points
            for (String escape : List.of("src/main/out", "src/main/up", "src/main/home/main/up")) {
                assertThat(refusal(tool(List.of("pwd"), Map.of(), Path.of(escape), GENEROUS, 65_536, List.of()),
                        Map.of())).isEqualTo("working dir '" + escape + "' is not a directory inside the workspace");
            }
            ToolResult inside = ran(tool(List.of("pwd"), Map.of(), Path.of("src/main/home"), GENEROUS, 65_536,
                    List.of()), Map.of());
            assertThat(inside.output().strip()).isEqualTo(workspace.resolve("src").toRealPath().toString());
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void shouldKillChildrenThatNeverExitAndLeaveNoZombieAtTheTimeout() throws Exception {
        // Given a tool that forks ten sleepers, double-forks one more out of its tree, and waits for ever
        String marker = Processes.marker();
        String script = "for i in 1 2 3 4 5 6 7 8 9 10; do sleep " + marker + " & done; (sleep " + marker
                + " &); wait";
        ToolSpec forks = tool(List.of("sh", "-c", script), Map.of(), Path.of("."), Duration.ofSeconds(2), 65_536,
                List.of("PATH"));

        // When it runs until its timeout
        CompletableFuture<ToolResult> run = Processes.inBackground(() -> ran(forks, Map.of()));
        await().atMost(GENEROUS).until(() -> Processes.running(marker) == 11);
        ToolResult result = run.get();

        // Then it is reported timed out, all eleven are gone and none is left a zombie of this JVM
        assertThat(result.timedOut()).isTrue();
        assertThat(result.durationMs()).isLessThan(20_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> Processes.running(marker) == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> zombieChildren().isEmpty());
    }

    @Test
    void shouldCutAToolThatPrintsWithoutEndAtItsTimeout() throws Exception {
        // Given a tool that writes 'y' lines for ever
        ToolSpec yes = tool(List.of("yes"), Map.of(), Path.of("."), Duration.ofSeconds(2), 4096, List.of());

        // When
        ToolResult result = ran(yes, Map.of());

        // Then only the cap is kept, the run ends near its timeout, and the output is marked cut
        assertThat(result.timedOut()).isTrue();
        assertThat(result.truncated()).isTrue();
        assertThat(result.output()).hasSize(4096).startsWith("y\ny\n");
        assertThat(result.durationMs()).isLessThan(20_000);
    }

    @Test
    void shouldNotGiveAToolTheModelKeysOfTheWorkersEnvironment() throws Exception {
        // Given a worker whose environment holds model keys, and a tool that lists only PATH
        ToolSpec env = tool(List.of("sh", "-c", "env; cat /proc/$PPID/environ /proc/1/environ 2>/dev/null; exit 0"),
                Map.of(), Path.of("."), GENEROUS, 65_536, List.of("PATH"));

        // When
        String output = ran(env, Map.of()).output();

        // Then neither key name nor value reaches it: the tool's environment holds what it lists, nothing else
        assertThat(output).doesNotContain("OPENROUTER_API_KEY").doesNotContain("sk-or-v1-0123456789abcdef")
                .doesNotContain("OPENAI_API_KEY").doesNotContain("sk-proj-abcdef0123456789");
        assertThat(output).contains("PATH=");
    }

    /** Processes whose parent is this JVM and which are zombies, from {@code ps}. */
    private static List<String> zombieChildren() throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("ps", "-o", "stat=,args=", "--ppid", Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true).start();
        String listing = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ps.waitFor();
        return listing.lines().map(String::strip).filter(line -> line.startsWith("Z")).toList();
    }
}
