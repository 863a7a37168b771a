package dev.swarmboard.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base lines a unified diff (as {@code git diff} prints it) changes, per file path: each run of
 * removed or added lines between context lines is one {@link LineRange} in the coordinates of the
 * file before the diff. A binary patch or a file entry without hunks counts as the whole file.
 */
public final class ChangedLines {

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+\\d+(?:,\\d+)? @@.*");

    private ChangedLines() {
    }

    /** Per path (the new path, or the old one for a deletion), the base ranges it changes, in diff order. */
    public static Map<String, List<LineRange>> of(String diff) {
        Map<String, List<LineRange>> ranges = new LinkedHashMap<>();
        FileWalk file = null;
        for (String line : diff.split("\n", -1)) {
            if (line.startsWith("diff --git ")) {
                finish(file, ranges);
                file = new FileWalk(pathOfHeader(line));
            } else if (file != null) {
                file.read(line);
            }
        }
        finish(file, ranges);
        return ranges;
    }

    private static void finish(FileWalk file, Map<String, List<LineRange>> ranges) {
        if (file != null) {
            ranges.computeIfAbsent(file.path(), path -> new ArrayList<>()).addAll(file.ranges());
        }
    }

    /** {@code diff --git a/x b/x}: the b-side path, the one the file has after the change. */
    private static String pathOfHeader(String header) {
        int split = header.lastIndexOf(" b/");
        return split < 0 ? header.substring("diff --git ".length()) : header.substring(split + 3);
    }

    /** One file entry of the diff, read line by line. */
    private static final class FileWalk {

        private final String path;
        private final List<LineRange> ranges = new ArrayList<>();
        private boolean inHunk;
        private boolean wholeFile;
        private int oldLine;
        private int runStart = -1;
        private int runEnd = -1;
        private boolean runRemoves;

        FileWalk(String path) {
            this.path = path;
        }

        String path() {
            return path;
        }

        List<LineRange> ranges() {
            closeRun();
            return wholeFile || ranges.isEmpty() ? List.of(LineRange.WHOLE_FILE) : ranges;
        }

        void read(String line) {
            Matcher hunk = HUNK.matcher(line);
            if (hunk.matches()) {
                closeRun();
                inHunk = true;
                int start = Integer.parseInt(hunk.group(1));
                int count = hunk.group(2) == null ? 1 : Integer.parseInt(hunk.group(2));
                oldLine = count == 0 ? start + 1 : start;
            } else if (!inHunk) {
                readHeader(line);
            } else if (line.startsWith("-")) {
                extendRun(oldLine, oldLine, true);
                oldLine++;
            } else if (line.startsWith("+")) {
                extendRun(oldLine - 1, oldLine, false);
            } else if (line.startsWith(" ")) {
                closeRun();
                oldLine++;
            }
        }

        private void readHeader(String line) {
            if (line.startsWith("GIT binary patch") || line.startsWith("Binary files ")) {
                wholeFile = true;
            }
        }

        private void extendRun(int start, int end, boolean removes) {
            if (runStart < 0) {
                runStart = start;
                runEnd = end;
                runRemoves = removes;
                return;
            }
            if (removes && !runRemoves) {
                runStart = start;
                runRemoves = true;
            }
            if (removes || !runRemoves) {
                runEnd = Math.max(runEnd, end);
            }
        }

        private void closeRun() {
            if (runStart >= 0) {
                ranges.add(new LineRange(Math.max(0, runStart), runEnd));
                runStart = -1;
            }
        }
    }
}
