package dev.swarmboard.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cross-lane overlap over the lanes' real changes: every pair of independent lanes (in the order given,
 * plan order) whose diffs change touching line ranges of one file. A lane that builds on another (a
 * transitive predecessor, {@code after}) may change the same lines: its diff starts from that lane's
 * tree. Two independent lanes whose checkouts started from different trees (one builds on a lane the
 * other does not) have line numbers that do not compare, so any file both change is an overlap (fail
 * closed). Pure, so the verifier's disruptor and the integration step compute the same fact from the
 * same diffs.
 */
public final class ChangeOverlap {

    private ChangeOverlap() {
    }

    /** Every overlap, at most one per pair of lanes and file (the first pair of ranges that touch). */
    public static List<Overlap> find(List<LaneChange> changes) {
        List<Map<String, List<LineRange>>> lines = changes.stream().map(change -> ChangedLines.of(change.diff()))
                .toList();
        List<Overlap> overlaps = new ArrayList<>();
        for (int first = 0; first < changes.size(); first++) {
            for (int second = first + 1; second < changes.size(); second++) {
                LaneChange a = changes.get(first);
                LaneChange b = changes.get(second);
                if (a.sequencedWith(b)) {
                    continue;
                }
                boolean sameStart = a.startTreeId().equals(b.startTreeId());
                overlaps.addAll(between(a.laneId(), sameStart ? lines.get(first) : wholeFiles(lines.get(first)),
                        b.laneId(), sameStart ? lines.get(second) : wholeFiles(lines.get(second))));
            }
        }
        return overlaps;
    }

    private static Map<String, List<LineRange>> wholeFiles(Map<String, List<LineRange>> lines) {
        Map<String, List<LineRange>> whole = new LinkedHashMap<>();
        lines.keySet().forEach(path -> whole.put(path, List.of(LineRange.WHOLE_FILE)));
        return whole;
    }

    private static List<Overlap> between(String firstLane, Map<String, List<LineRange>> first, String secondLane,
                                         Map<String, List<LineRange>> second) {
        List<Overlap> overlaps = new ArrayList<>();
        first.forEach((path, firstRanges) -> {
            List<LineRange> secondRanges = second.getOrDefault(path, List.of());
            firstRanges.stream().flatMap(a -> secondRanges.stream().filter(a::touches)
                    .map(b -> new Overlap(path, firstLane, a, secondLane, b))).findFirst().ifPresent(overlaps::add);
        });
        return overlaps;
    }
}
