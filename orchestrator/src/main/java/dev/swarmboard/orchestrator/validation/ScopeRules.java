package dev.swarmboard.orchestrator.validation;

import java.util.Arrays;
import java.util.List;

/**
 * Whether a lane scope entry lies inside the mission scope. Entries are workspace-relative paths;
 * an entry is inside a mission entry when it equals it or lies below it, segment by segment. A
 * {@code ..} segment or an absolute path always escapes. Glob characters make containment undecidable by prefix, so
 * such a case is left to a person rather than guessed.
 */
public final class ScopeRules {

    /** The three answers a containment check can give. */
    public enum Containment { INSIDE, OUTSIDE, UNDECIDABLE }

    private static final String GLOB = "*?[]{}";

    private ScopeRules() {
    }

    public static Containment check(List<String> missionScope, String entry) {
        List<String> segments = segments(entry);
        if (segments.contains("..") || entry.trim().startsWith("/")) {
            return Containment.OUTSIDE;
        }
        if (missionScope.isEmpty()) {
            return Containment.INSIDE;
        }
        if (isGlob(entry) || missionScope.stream().anyMatch(ScopeRules::isGlob)) {
            return Containment.UNDECIDABLE;
        }
        boolean inside = missionScope.stream().map(ScopeRules::segments)
                .anyMatch(root -> !root.contains("..") && startsWith(segments, root));
        return inside ? Containment.INSIDE : Containment.OUTSIDE;
    }

    private static boolean startsWith(List<String> path, List<String> root) {
        return path.size() >= root.size() && path.subList(0, root.size()).equals(root);
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.trim().split("/+"))
                .filter(segment -> !segment.isEmpty() && !segment.equals("."))
                .toList();
    }

    private static boolean isGlob(String entry) {
        return entry.chars().anyMatch(c -> GLOB.indexOf(c) >= 0);
    }
}
