package dev.swarmboard.change;

import dev.swarmboard.schema.PlannedLane;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each planned lane's transitive predecessors ({@code after}, and what those wait for): the lanes whose
 * changes its checkout starts from, and so the lanes it may build on without conflicting with them.
 * Listed in plan order, which is topological (the orchestrator plans every lane after those it waits
 * for). Pure.
 */
public final class LaneAncestry {

    private LaneAncestry() {
    }

    /** Lane id to its transitive predecessors, in plan order; a predecessor outside the plan is left out. */
    public static Map<String, Set<String>> of(List<PlannedLane> plan) {
        Map<String, List<String>> after = new LinkedHashMap<>();
        plan.forEach(lane -> after.putIfAbsent(lane.getLaneId(), lane.getAfter()));
        Map<String, Set<String>> ancestry = new LinkedHashMap<>();
        for (String laneId : after.keySet()) {
            Set<String> found = new LinkedHashSet<>();
            Deque<String> open = new ArrayDeque<>(after.get(laneId));
            while (!open.isEmpty()) {
                String predecessor = open.pop();
                if (after.containsKey(predecessor) && !predecessor.equals(laneId) && found.add(predecessor)) {
                    open.addAll(after.get(predecessor));
                }
            }
            Set<String> ordered = new LinkedHashSet<>();
            after.keySet().stream().filter(found::contains).forEach(ordered::add);
            ancestry.put(laneId, ordered);
        }
        return ancestry;
    }
}
