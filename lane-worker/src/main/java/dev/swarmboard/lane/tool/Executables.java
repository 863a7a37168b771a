package dev.swarmboard.lane.tool;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a tool's executable the way a shell would, but on the worker's {@code PATH}: a name with a
 * {@code /} is used as it is (relative ones against the tool's working directory), a bare name is looked
 * up in each {@code PATH} entry. The sandbox then runs the absolute path, so a tool's own {@code env}
 * need not carry {@code PATH}.
 */
final class Executables {

    private static final Pattern PATH_SEPARATOR = Pattern.compile(":");

    private Executables() {
    }

    /** The executable to run, or empty when there is no executable file by that name. */
    static Optional<String> resolve(String executable, String path, Path workingDir) {
        if (executable.contains("/")) {
            try {
                Path file = workingDir.resolve(executable);
                return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(executable) : Optional.empty();
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : PATH_SEPARATOR.split(path)) {
            try {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, executable);
                if (candidate.isAbsolute() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toString());
                }
            } catch (InvalidPathException e) {
                // A malformed PATH entry holds no executable; the next one may.
            }
        }
        return Optional.empty();
    }
}
