package dev.swarmboard.lane.tool;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a tool is isolated from its worker: a fresh PID namespace with its own {@code /proc}
 * ({@code unshare --pid --fork --kill-child --mount-proc} from util-linux, inside a user namespace when
 * the worker is not root). The tool is process 1 of its namespace, so it cannot see or name the worker
 * (no {@code /proc/$PPID/environ}), and when it exits or is killed the kernel kills everything left in
 * the namespace, {@code setsid} descendants included. Detected once at start; without it a tool runs
 * unwrapped and the worker logs one warning saying what a tool can then read.
 */
public final class ToolSandbox {

    private static final Logger LOG = LoggerFactory.getLogger(ToolSandbox.class);
    private static final List<String> PID_NAMESPACE = List.of("--pid", "--fork", "--kill-child", "--mount-proc");
    private static final List<List<String>> CANDIDATES = List.of(
            List.of(),
            List.of("--user", "--map-current-user"),
            List.of("--user", "--map-root-user"));
    private static final long PROBE_SECONDS = 10;

    private final Optional<List<String>> prefix;

    private ToolSandbox(Optional<List<String>> prefix) {
        this.prefix = prefix.map(List::copyOf);
    }

    /** The first way of isolating tools that works on this machine, or {@link #none()} with a warning. */
    public static ToolSandbox detect() {
        for (List<String> userNamespace : CANDIDATES) {
            List<String> candidate = new ArrayList<>(List.of("unshare"));
            candidate.addAll(userNamespace);
            candidate.addAll(PID_NAMESPACE);
            candidate.add("--");
            if (works(candidate)) {
                LOG.info("tools run in their own PID namespace: {}", String.join(" ", candidate));
                return new ToolSandbox(Optional.of(candidate));
            }
        }
        LOG.warn("no tool sandbox: 'unshare --pid --fork --kill-child --mount-proc' (util-linux) does not work "
                + "here, so a tool runs as this worker's user in its PID namespace: it can read this worker's "
                + "environment (API keys from api_key_env) through /proc/<pid>/environ, every file this user "
                + "can read (api_key_file included), and children it detaches with setsid outlive it");
        return none();
    }

    /** Tools run as plain child processes (tests of the unwrapped behaviour; machines without util-linux). */
    public static ToolSandbox none() {
        return new ToolSandbox(Optional.empty());
    }

    public boolean isolated() {
        return prefix.isPresent();
    }

    /** The command that runs {@code argv} inside the sandbox ({@code argv} itself when there is none). */
    List<String> wrap(List<String> argv) {
        if (prefix.isEmpty()) {
            return argv;
        }
        List<String> wrapped = new ArrayList<>(prefix.get());
        wrapped.addAll(argv);
        return wrapped;
    }

    // The probe must see itself as process 1: only then is the worker invisible to the tool.
    private static boolean works(List<String> candidate) {
        List<String> probe = new ArrayList<>(candidate);
        probe.addAll(List.of("/bin/sh", "-c", "echo $$"));
        try {
            Process process = new ProcessBuilder(probe).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 && output.equals("1");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return prefix.map(p -> "ToolSandbox[" + String.join(" ", p) + "]").orElse("ToolSandbox[none]");
    }
}
