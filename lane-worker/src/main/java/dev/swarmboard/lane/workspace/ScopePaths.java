package dev.swarmboard.lane.workspace;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;

/**
 * Which repository paths a lane may read and change. A path is repository-relative with {@code /}
 * separators; it is refused when empty, absolute, with a {@code .} or {@code ..} segment, a backslash, or
 * inside {@code .git}. Scope entries are paths ({@code src/slug/} or {@code src/slug} cover everything
 * below, compared segment by segment) or globs ({@code tests/**}); an empty scope is the whole repository.
 */
public final class ScopePaths {

    private ScopePaths() {
    }

    /** Why a path can never be touched, or empty when its form is fine. */
    public static Optional<String> malformed(String path) {
        if (path == null || path.isBlank()) {
            return Optional.of("the path is empty");
        }
        if (path.startsWith("/") || path.contains("\\") || path.matches("[A-Za-z]:.*")) {
            return Optional.of("'" + path + "' is absolute (paths are relative to the repository root)");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
                return Optional.of("'" + path + "' leaves the repository or is not normalized (segment '"
                        + segment + "')");
            }
            if (segment.equalsIgnoreCase(".git")) {
                return Optional.of("'" + path + "' is inside .git");
            }
        }
        return Optional.empty();
    }

    /** Whether a well-formed path is inside the scope. */
    public static boolean inScope(List<String> scope, String path) {
        return scope.isEmpty() || scope.stream().anyMatch(entry -> covers(entry, path));
    }

    /** Whether a path matches any of the globs (e.g. the workspace's test paths). */
    public static boolean matchesAny(List<String> globs, String path) {
        return globs.stream().anyMatch(glob -> covers(glob, path));
    }

    static boolean covers(String entry, String path) {
        if (entry.chars().anyMatch(c -> "*?[]{}".indexOf(c) >= 0)) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + entry);
            return matcher.matches(Path.of(path));
        }
        String prefix = entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
