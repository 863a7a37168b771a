package dev.swarmboard.orchestrator.plan;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The deterministic scope of a re-run: keep the scope entries that the failing reasons name (as a
 * whole path, or a path below it), when that is some but not all of them; otherwise keep the first
 * half (rounded up). A scope of zero or
 * one entry is kept as it is, so a shrunk scope is never empty.
 */
public final class ScopeShrink {

    private ScopeShrink() {
    }

    public static List<String> shrink(List<String> scope, List<String> failingReasons) {
        if (scope.size() <= 1) {
            return List.copyOf(scope);
        }
        List<String> named = scope.stream()
                .filter(entry -> failingReasons.stream().anyMatch(reason -> names(reason, entry)))
                .toList();
        if (!named.isEmpty() && named.size() < scope.size()) {
            return named;
        }
        return List.copyOf(scope.subList(0, (scope.size() + 1) / 2));
    }

    /** Whether the reason mentions the entry as a whole path (or a path below it), not inside a word. */
    static boolean names(String reason, String entry) {
        String path = entry.replaceAll("/+$", "");
        return !path.isEmpty() && Pattern.compile("(?<![A-Za-z0-9_./-])" + Pattern.quote(path) + "(?![A-Za-z0-9_-])")
                .matcher(reason).find();
    }
}
