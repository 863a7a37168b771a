package dev.swarmboard.capability;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads one entry of a registry's {@code tools} mapping into a {@link ToolSpec}, recording every error. */
final class ToolSpecReader {

    private static final Set<String> KEYS = Set.of("command", "args", "working_dir", "timeout_seconds",
            "output_cap_bytes", "tests", "env", "allow_failure");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ToolSpecReader() {
    }

    static Optional<ToolSpec> read(String name, YamlMapping entry) {
        entry.rejectUnknownKeys(KEYS);
        List<String> command = entry.required("command", entry.texts("command")).orElse(List.of());
        if (entry.has("command") && command.isEmpty()) {
            entry.reject("command", "must not be empty");
        }
        Optional<YamlMapping> argsEntry = entry.mapping("args");
        Map<String, Pattern> args = argsEntry.map(ToolSpecReader::args).orElse(Map.of());
        checkTemplate(entry, command, argsEntry);
        Optional<Path> workingDir = workingDir(entry);
        Duration timeout = Duration.ofSeconds(entry.positiveInt("timeout_seconds",
                (int) ToolSpec.DEFAULT_TIMEOUT.toSeconds()));
        int outputCap = entry.positiveInt("output_cap_bytes", ToolSpec.DEFAULT_OUTPUT_CAP_BYTES);
        if (outputCap > ToolSpec.MAX_OUTPUT_CAP_BYTES) {
            entry.reject("output_cap_bytes", "must be <= " + ToolSpec.MAX_OUTPUT_CAP_BYTES
                    + " (the output travels in one Kafka record)");
        }
        boolean tests = entry.bool("tests", false);
        List<String> env = entry.texts("env").orElse(List.of());
        env.stream().filter(variable -> !ENV_NAME.matcher(variable).matches())
                .forEach(variable -> entry.reject("env", "not an environment variable name: " + variable));
        if (command.isEmpty() || workingDir.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ToolSpec(name, command, args, workingDir.get(), timeout,
                Math.min(outputCap, ToolSpec.MAX_OUTPUT_CAP_BYTES), tests, env, entry.bool("allow_failure", false)));
    }

    private static Map<String, Pattern> args(YamlMapping argsEntry) {
        Map<String, Pattern> args = new LinkedHashMap<>();
        for (String arg : argsEntry.keys()) {
            argsEntry.text(arg).ifPresent(regex -> {
                try {
                    args.put(arg, Pattern.compile(regex));
                } catch (PatternSyntaxException e) {
                    argsEntry.reject(arg, "invalid regex: " + e.getDescription());
                }
            });
        }
        return args;
    }

    /** Every placeholder needs a regex, every regex a placeholder, and the executable is never a placeholder. */
    private static void checkTemplate(YamlMapping entry, List<String> command, Optional<YamlMapping> argsEntry) {
        Set<String> declared = argsEntry.map(mapping -> Set.copyOf(mapping.keys())).orElse(Set.of());
        Set<String> used = new HashSet<>();
        for (int i = 0; i < command.size(); i++) {
            String element = "command[" + i + "]";
            List<String> names = ToolSpec.placeholders(command.get(i));
            if (i == 0 && !names.isEmpty()) {
                entry.reject(element, "the executable must be fixed, not a placeholder");
            }
            for (String name : names) {
                used.add(name);
                if (!declared.contains(name)) {
                    entry.reject(element, "placeholder {" + name + "} has no regex in args");
                }
            }
        }
        argsEntry.ifPresent(mapping -> mapping.keys().stream()
                .filter(arg -> !used.contains(arg))
                .forEach(arg -> mapping.reject(arg, "not used by command")));
    }

    private static Optional<Path> workingDir(YamlMapping entry) {
        String text = entry.text("working_dir", ".");
        try {
            Path dir = Path.of(text);
            boolean escapes = dir.isAbsolute() || dir.normalize().startsWith("..");
            if (escapes) {
                entry.reject("working_dir", "must be a relative path inside the mission workspace");
                return Optional.empty();
            }
            return Optional.of(dir.normalize());
        } catch (InvalidPathException e) {
            entry.reject("working_dir", "invalid path: " + e.getReason());
            return Optional.empty();
        }
    }
}
