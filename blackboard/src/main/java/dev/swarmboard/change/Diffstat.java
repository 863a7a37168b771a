package dev.swarmboard.change;

import java.util.ArrayList;
import java.util.List;

/**
 * Per file of a unified diff, the lines it adds and removes, counted from the diff text alone (a
 * binary patch counts as no lines), in diff order: what {@code git diff --stat} summarises.
 */
public record Diffstat(List<FileStat> files) {

    /** One file's counts. */
    public record FileStat(String path, int added, int removed, boolean binary) {
    }

    public static Diffstat of(String diff) {
        List<FileStat> files = new ArrayList<>();
        String path = null;
        int added = 0;
        int removed = 0;
        boolean binary = false;
        boolean inHunk = false;
        for (String line : diff.split("\n", -1)) {
            if (line.startsWith("diff --git ")) {
                if (path != null) {
                    files.add(new FileStat(path, added, removed, binary));
                }
                int split = line.lastIndexOf(" b/");
                path = split < 0 ? line.substring("diff --git ".length()) : line.substring(split + 3);
                added = 0;
                removed = 0;
                binary = false;
                inHunk = false;
            } else if (line.startsWith("@@")) {
                inHunk = true;
            } else if (line.startsWith("GIT binary patch") || line.startsWith("Binary files ")) {
                binary = true;
            } else if (inHunk && line.startsWith("+")) {
                added++;
            } else if (inHunk && line.startsWith("-")) {
                removed++;
            }
        }
        if (path != null) {
            files.add(new FileStat(path, added, removed, binary));
        }
        return new Diffstat(List.copyOf(files));
    }

    public int added() {
        return files.stream().mapToInt(FileStat::added).sum();
    }

    public int removed() {
        return files.stream().mapToInt(FileStat::removed).sum();
    }

    /** {@code 2 files changed, 5 insertions(+), 1 deletion(-)}. */
    public String summary() {
        return files.size() + " file" + (files.size() == 1 ? "" : "s") + " changed, " + added() + " insertion"
                + (added() == 1 ? "" : "s") + "(+), " + removed() + " deletion" + (removed() == 1 ? "" : "s") + "(-)";
    }

    /** One line per file, {@code path | +3 -1} (or {@code | binary}), then the summary. */
    public String render() {
        StringBuilder text = new StringBuilder();
        for (FileStat file : files) {
            text.append(' ').append(file.path()).append(" | ")
                    .append(file.binary() ? "binary" : "+" + file.added() + " -" + file.removed()).append('\n');
        }
        return text.append(' ').append(summary()).append('\n').toString();
    }
}
