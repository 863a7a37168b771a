package dev.swarmboard.lane.tool;

import dev.swarmboard.capability.Redactor;
import dev.swarmboard.capability.ToolSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs an allowlisted tool: the argv template filled with checked values, no shell, an environment
 * holding only the tool's listed variables, a working directory that must stay inside the mission
 * workspace, inside the {@link ToolSandbox} when there is one, and a timeout after which the whole
 * process tree is killed (in the sandbox, also whatever is left when the tool exits). The output is
 * scrubbed of every model key before it is returned. A request that breaks any rule is refused before
 * a process starts.
 */
public final class ToolRunner {

    /** How long the output may take to end after the process has exited or been killed. */
    private static final long DRAIN_GRACE_MILLIS = 2_000;

    private final Function<String, String> environment;
    private final ToolSandbox sandbox;
    private final Redactor redactor;

    /**
     * {@code environment} is where allowlisted variables (and the {@code PATH} the executable is looked
     * up on) come from; tests pass their own.
     */
    public ToolRunner(Function<String, String> environment, ToolSandbox sandbox, Redactor redactor) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /** Tools with the worker's environment, in the sandbox this machine offers, outputs scrubbed of {@code redactor}'s keys. */
    public static ToolRunner forWorker(Redactor redactor) {
        return new ToolRunner(System::getenv, ToolSandbox.detect(), redactor);
    }

    public ToolOutcome run(ToolSpec spec, Map<String, String> args, Path workspace) throws InterruptedException {
        List<String> problems = ArgvTemplate.problems(spec, args);
        if (!problems.isEmpty()) {
            return new ToolRejected(spec.name(), String.join("; ", problems));
        }
        Optional<Path> directory = workingDirectory(spec, workspace);
        if (directory.isEmpty()) {
            return new ToolRejected(spec.name(), "working dir '" + spec.workingDir()
                    + "' is not a directory inside the workspace");
        }
        List<String> argv = ArgvTemplate.fill(spec, args);
        Optional<String> executable = Executables.resolve(argv.get(0), environment.apply("PATH"), directory.get());
        if (executable.isEmpty()) {
            return new ToolRejected(spec.name(), "cannot start " + argv.get(0)
                    + ": no executable file by that name (names without '/' are looked up on the worker's PATH)");
        }
        argv.set(0, executable.get());
        ProcessBuilder builder = new ProcessBuilder(sandbox.wrap(argv))
                .directory(directory.get().toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        spec.env().forEach(name -> Optional.ofNullable(environment.apply(name))
                .ifPresent(value -> builder.environment().put(name, value)));
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new ToolRejected(spec.name(), "cannot start " + spec.command().get(0) + ": " + e.getMessage());
        }
        return await(spec, process, started);
    }

    private ToolResult await(ToolSpec spec, Process process, long started) throws InterruptedException {
        OutputCapture capture = OutputCapture.start(process.getInputStream(), spec.outputCapBytes(),
                "tool-output-" + spec.name());
        long deadline = started + spec.timeout().toNanos();
        boolean timedOut;
        try {
            timedOut = !process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        if (timedOut) {
            killTree(process);
            process.waitFor(DRAIN_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }
        // A background process the tool left behind can hold the output open past the deadline.
        boolean outputEnded = capture.awaitEnd(Math.max(DRAIN_GRACE_MILLIS,
                TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        OutputCapture.Captured output = capture.captured();
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int exitCode = process.isAlive() ? -1 : process.exitValue();
        // Children still attached to the tool go too; the sandbox has already ended detached ones.
        killTree(process);
        return new ToolResult(exitCode, durationMs, timedOut || !outputEnded, redactor.redact(output.text()),
                output.truncated(), output.sha256());
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The working directory, if it exists and its real path (links followed) lies inside the workspace. */
    private static Optional<Path> workingDirectory(ToolSpec spec, Path workspace) {
        try {
            Path root = workspace.toRealPath();
            Path directory = root.resolve(spec.workingDir()).normalize();
            if (!directory.startsWith(root) || !Files.isDirectory(directory)) {
                return Optional.empty();
            }
            Path real = directory.toRealPath();
            return real.startsWith(root) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
