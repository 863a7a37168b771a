package dev.swarmboard.orchestrator.validation;

import dev.swarmboard.orchestrator.sequence.LaneGraph;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import java.util.List;

/**
 * The checks of a mission's lane sequencing: every {@code after} names another lane of the mission,
 * the lanes form no cycle, a canary lane waits for no other lane (it runs first, alone), and
 * {@code constraints.max_parallel_lanes} is not negative. Workspace lanes may wait for each other: a
 * dependent lane's checkout starts from its predecessors' changes (see {@code RunLane.startFrom}).
 */
final class SequenceChecks {

    private SequenceChecks() {
    }

    static void check(MissionSpec spec, List<Reason> rejections) {
        LaneGraph graph = LaneGraph.of(spec.getLanes());
        for (LaneGraph.Edge edge : graph.invalidEdges()) {
            String field = "lanes[" + indexOf(spec, edge.lane()) + "].after";
            rejections.add(edge.lane().equals(edge.predecessor())
                    ? Reasons.of(ReasonCode.INVALID_AFTER, field, "lane '" + edge.lane() + "' cannot wait for itself")
                    : Reasons.of(ReasonCode.INVALID_AFTER, field, "lane '" + edge.lane() + "' waits for '"
                    + edge.predecessor() + "', which is not a lane of the mission"));
        }
        graph.cycle().ifPresent(cycle -> rejections.add(Reasons.of(ReasonCode.LANE_CYCLE,
                "lanes[" + indexOf(spec, cycle.get(0)) + "].after", "the lanes wait for each other in a cycle: "
                        + String.join(" → ", cycle))));
        String canary = spec.getCanaryLane();
        String canaryLane = "*".equals(canary) && !spec.getLanes().isEmpty() ? graph.order().get(0) : canary;
        if (canaryLane != null && !graph.predecessors(canaryLane).isEmpty()) {
            rejections.add(Reasons.of(ReasonCode.INVALID_CANARY, "canary_lane", "canary lane '" + canaryLane
                    + "' waits for " + graph.predecessors(canaryLane) + "; a canary runs first and alone"));
        }
        if (spec.getConstraints().getMaxParallelLanes() < 0) {
            rejections.add(Reasons.of(ReasonCode.INVALID_MAX_PARALLEL_LANES, "constraints.max_parallel_lanes",
                    "must be 0 (no cap) or a positive number of lanes, was "
                            + spec.getConstraints().getMaxParallelLanes()));
        }
    }

    private static int indexOf(MissionSpec spec, String laneId) {
        for (int i = 0; i < spec.getLanes().size(); i++) {
            if (spec.getLanes().get(i).getId().equals(laneId)) {
                return i;
            }
        }
        return -1;
    }
}
