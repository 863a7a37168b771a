package dev.swarmboard.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cross-lane overlap over the lanes' real changes: every pair of lanes (in the order given, plan
 * order) whose diffs against the same base change touching line ranges of one file. Pure, so the
 * verifier's disruptor and the integration step compute the same fact from the same diffs.
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
                overlaps.addAll(between(changes.get(first).laneId(), lines.get(first), changes.get(second).laneId(),
                        lines.get(second)));
            }
        }
        return overlaps;
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
