package dev.swarmboard.lane.workspace;

import dev.swarmboard.schema.ChangedFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one diff form receipts carry, so a replay re-derives byte-identical text: {@code git diff} with
 * no colour, no external or text-conversion drivers, full blob ids, binary patches, no rename detection
 * and {@code a/ b/} prefixes. Also per-file added/removed counts and the hunks of a diff.
 */
public final class NormalizedDiff {

    private NormalizedDiff() {
    }

    static String[] args(String from, String to) {
        return new String[] {"diff", "--no-color", "--no-ext-diff", "--no-textconv", "--full-index", "--binary",
                "--no-renames", "--src-prefix=a/", "--dst-prefix=b/", from, to};
    }

    static List<ChangedFile> files(Checkout checkout, String from, String to) {
        Map<String, String> status = new LinkedHashMap<>();
        String[] names = checkout.git("diff", "--name-status", "-z", "--no-renames", from, to).stdout().split("\0");
        for (int i = 0; i + 1 < names.length; i += 2) {
            status.put(names[i + 1], switch (names[i]) {
                case "A" -> "ADDED";
                case "D" -> "DELETED";
                default -> "MODIFIED";
            });
        }
        List<ChangedFile> files = new ArrayList<>();
        for (String line : checkout.git("diff", "--numstat", "--no-renames", from, to).stdout().lines().toList()) {
            String[] parts = line.split("\t", 3);
            files.add(new ChangedFile(parts[2], count(parts[0]), count(parts[1]),
                    status.getOrDefault(parts[2], "MODIFIED")));
        }
        return files;
    }

    /** The paths {@code git apply --numstat -z} names (both sides of a rename). */
    static List<String> numstatPaths(String numstat) {
        List<String> paths = new ArrayList<>();
        String[] fields = numstat.split("\0", -1);
        for (int i = 0; i < fields.length; i++) {
            String[] parts = fields[i].split("\t", 3);
            if (parts.length == 3 && !parts[2].isEmpty()) {
                paths.add(parts[2]);
            } else if (parts.length == 3 && i + 2 < fields.length) {
                paths.add(fields[i + 1]);
                paths.add(fields[i + 2]);
                i += 2;
            }
        }
        return paths;
    }

    /** The added lines of a unified diff (without their {@code +}), file headers excluded. */
    public static List<String> addedLines(String diff) {
        return diff.lines().filter(line -> line.startsWith("+") && !line.startsWith("+++")).map(line -> line.substring(1))
                .toList();
    }

    /** Per hunk of a unified diff, the number of lines it adds plus those it removes. */
    public static List<Integer> hunkSizes(String diff) {
        List<Integer> sizes = new ArrayList<>();
        int current = -1;
        for (String line : diff.lines().toList()) {
            if (line.startsWith("@@")) {
                if (current >= 0) {
                    sizes.add(current);
                }
                current = 0;
            } else if (line.startsWith("diff --git")) {
                if (current >= 0) {
                    sizes.add(current);
                }
                current = -1;
            } else if (current >= 0 && (line.startsWith("+") || line.startsWith("-"))) {
                current++;
            }
        }
        if (current >= 0) {
            sizes.add(current);
        }
        return sizes;
    }

    private static int count(String numstat) {
        return "-".equals(numstat) ? 0 : Integer.parseInt(numstat);
    }
}
