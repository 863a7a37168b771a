package dev.swarmboard.digest.report;

import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.schema.Vote;
import dev.swarmboard.verifier.quorum.LaneOutcome;
import java.util.List;
import java.util.Map;

/**
 * The mission as a Mermaid flow: mission → plan → each lane → its attempts in order → the verdict. A
 * lane that waits for others ({@code after}) hangs from those lanes instead of the plan: the DAG's edges.
 * Ids are positional ({@code lane2_1}), labels pass through {@link MermaidCheck#safeLabel}, so any
 * mission or lane id renders in the checked dialect.
 */
final class MissionDiagram {

    private MissionDiagram() {
    }

    static String render(String missionId, Plan plan, List<LaneOutcome> outcomes, QuorumReached verdict) {
        StringBuilder diagram = new StringBuilder(MermaidCheck.HEADER).append('\n');
        node(diagram, "mission", "Mission " + missionId);
        node(diagram, "plan", "Plan " + plan.getPlanId() + " v" + plan.getVersion());
        edge(diagram, "mission", "plan");
        long passes = verdict.getVotes().stream().filter(Vote::getPass).count();
        node(diagram, "verdict", "Verdict " + verdict.getVerdict() + ", round " + verdict.getRound() + ", " + passes
                + " of " + verdict.getVotes().size() + " votes");
        Map<String, List<LaneOutcome>> byLane = LaneMatrix.byLane(outcomes);
        List<PlannedLane> lanes = plan.getLanes();
        for (int i = 0; i < lanes.size(); i++) {
            String laneId = lanes.get(i).getLaneId();
            String previous = "lane" + (i + 1);
            node(diagram, previous, "Lane " + laneId);
            List<String> after = lanes.get(i).getAfter();
            if (after.isEmpty()) {
                edge(diagram, "plan", previous);
            }
            for (String predecessor : after) {
                int index = indexOf(lanes, predecessor);
                edge(diagram, index < 0 ? "plan" : "lane" + (index + 1), previous);
            }
            for (LaneOutcome outcome : byLane.getOrDefault(laneId, List.of())) {
                String id = "lane" + (i + 1) + "_" + outcome.attempt();
                node(diagram, id, outcome.describe() + ": " + LaneMatrix.status(outcome));
                edge(diagram, previous, id);
                previous = id;
            }
            edge(diagram, previous, "verdict");
        }
        return diagram.toString();
    }

    private static int indexOf(List<PlannedLane> lanes, String laneId) {
        for (int i = 0; i < lanes.size(); i++) {
            if (lanes.get(i).getLaneId().equals(laneId)) {
                return i;
            }
        }
        return -1;
    }

    private static void node(StringBuilder diagram, String id, String label) {
        diagram.append("  ").append(id).append("[\"").append(MermaidCheck.safeLabel(label)).append("\"]\n");
    }

    private static void edge(StringBuilder diagram, String from, String to) {
        diagram.append("  ").append(from).append(" --> ").append(to).append('\n');
    }
}
