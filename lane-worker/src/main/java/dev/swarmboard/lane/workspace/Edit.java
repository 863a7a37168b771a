package dev.swarmboard.lane.workspace;

/**
 * One block of a stage's {@code changes:} list: replace the one exact occurrence of {@code search}
 * with {@code replace}, write {@code content} as the whole file, or delete the file.
 */
public sealed interface Edit {

    String path();

    /** {@code {path, search, replace}}: the search text must occur exactly once. */
    record Replace(String path, String search, String replace) implements Edit {
    }

    /** {@code {path, content}}: a new file or a whole rewrite. */
    record Write(String path, String content) implements Edit {
    }

    /** {@code {path, delete: true}}. */
    record Delete(String path) implements Edit {
    }
}
