package dev.swarmboard.capability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One allowlisted tool: a fixed argv template whose {@code {name}} placeholders may only take values
 * that fully match their regex, run without a shell in a working directory inside the mission
 * workspace, with a timeout, an output cap and only the listed environment variables.
 * {@code tests} marks a test runner: its exit code decides {@code tests_green}. {@code allowFailure}
 * lets a non-test tool exit non-zero without failing {@code policy_checks}.
 */
public record ToolSpec(
        String name,
        List<String> command,
        Map<String, Pattern> args,
        Path workingDir,
        Duration timeout,
        int outputCapBytes,
        boolean tests,
        List<String> env,
        boolean allowFailure) {

    /** A placeholder in an argv element: {@code {name}}. Other braces are literal text. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_OUTPUT_CAP_BYTES = 65_536;
    /** A receipt carries the capped output in one Kafka record, so the cap stays well under 1 MiB. */
    public static final int MAX_OUTPUT_CAP_BYTES = 524_288;

    /** A tool whose non-zero exit fails policy_checks (unless it is a test runner). */
    public ToolSpec(String name, List<String> command, Map<String, Pattern> args, Path workingDir, Duration timeout,
                    int outputCapBytes, boolean tests, List<String> env) {
        this(name, command, args, workingDir, timeout, outputCapBytes, tests, env, false);
    }

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        args = Collections.unmodifiableMap(new TreeMap<>(args));
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(timeout, "timeout");
        env = List.copyOf(env);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
        if (timeout.isNegative() || timeout.isZero() || outputCapBytes <= 0) {
            throw new IllegalArgumentException("timeout and outputCapBytes must be > 0");
        }
    }

    /** The placeholder names in one argv element, in order. */
    public static List<String> placeholders(String element) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(element);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
