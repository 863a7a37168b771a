package dev.swarmboard.orchestrator.sequence;

import dev.swarmboard.schema.LaneSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lanes of a mission as a graph of {@code after} edges: lane id to the ids it waits for, in the
 * order written. Pure: finds unknown predecessors and cycles, and orders the lanes so every lane comes
 * after its predecessors while otherwise keeping the written order.
 */
public record LaneGraph(Map<String, List<String>> after) {

    public LaneGraph {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        after.forEach((lane, predecessors) -> copy.put(lane, List.copyOf(predecessors)));
        after = Collections.unmodifiableMap(copy);
    }

    /** The graph of a mission's lanes, in written order (a repeated id keeps its first lane). */
    public static LaneGraph of(List<LaneSpec> lanes) {
        Map<String, List<String>> after = new LinkedHashMap<>();
        lanes.forEach(lane -> after.putIfAbsent(lane.getId(), lane.getAfter()));
        return new LaneGraph(after);
    }

    /** The predecessors of a lane, empty for a lane the graph does not know. */
    public List<String> predecessors(String laneId) {
        return after.getOrDefault(laneId, List.of());
    }

    /** Every lane that waits, directly or through others, for {@code laneId}. */
    public Set<String> dependents(String laneId) {
        Set<String> found = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, List<String>> lane : after.entrySet()) {
                boolean waits = lane.getValue().contains(laneId) || lane.getValue().stream().anyMatch(found::contains);
                if (waits && found.add(lane.getKey())) {
                    grew = true;
                }
            }
        }
        return found;
    }

    /** Each (lane, predecessor) pair whose predecessor is not a lane of the graph, or is the lane itself. */
    public List<Edge> invalidEdges() {
        List<Edge> invalid = new ArrayList<>();
        after.forEach((lane, predecessors) -> predecessors.stream()
                .filter(predecessor -> predecessor.equals(lane) || !after.containsKey(predecessor))
                .forEach(predecessor -> invalid.add(new Edge(lane, predecessor))));
        return invalid;
    }

    /**
     * One cycle of lanes, first lane repeated at the end ({@code a → b → a}), or empty for a DAG.
     * Self-edges and unknown predecessors are {@link #invalidEdges()} and are not reported here.
     */
    public Optional<List<String>> cycle() {
        Map<String, Integer> marks = new LinkedHashMap<>();
        for (String lane : after.keySet()) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> found = visit(lane, marks, path);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> visit(String lane, Map<String, Integer> marks, List<String> path) {
        int mark = marks.getOrDefault(lane, 0);
        if (mark == 2) {
            return Optional.empty();
        }
        if (mark == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(lane), path.size()));
            cycle.add(lane);
            return Optional.of(cycle);
        }
        marks.put(lane, 1);
        path.add(lane);
        for (String predecessor : predecessors(lane)) {
            if (!predecessor.equals(lane) && after.containsKey(predecessor)) {
                Optional<List<String>> found = visit(predecessor, marks, path);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        marks.put(lane, 2);
        return Optional.empty();
    }

    /**
     * The lanes in an order where each follows its predecessors: repeatedly the first lane in written
     * order whose predecessors are all placed. Lanes on a cycle keep their written order at the end.
     */
    public List<String> order() {
        List<String> placed = new ArrayList<>();
        List<String> left = new ArrayList<>(after.keySet());
        while (!left.isEmpty()) {
            Optional<String> next = left.stream().filter(lane -> predecessors(lane).stream()
                    .allMatch(predecessor -> placed.contains(predecessor) || !after.containsKey(predecessor)
                            || predecessor.equals(lane))).findFirst();
            if (next.isEmpty()) {
                placed.addAll(left);
                break;
            }
            placed.add(next.get());
            left.remove(next.get());
        }
        return placed;
    }

    /**
     * The order as one line for people: each lane in {@link #order()}, with what it waits for
     * ({@code a, b after a, c after a+b}).
     */
    public String describeOrder() {
        return String.join(", ", order().stream().map(lane -> predecessors(lane).isEmpty() ? lane
                : lane + " after " + String.join("+", predecessors(lane))).toList());
    }

    /** Whether any lane waits for another. */
    public boolean sequenced() {
        return after.values().stream().anyMatch(predecessors -> !predecessors.isEmpty());
    }

    /** A lane and one predecessor it names. */
    public record Edge(String lane, String predecessor) {
    }
}
