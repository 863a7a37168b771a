package dev.swarmboard.digest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.event.QuorumReached;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissionDiagramTest {

    private static PlannedLane lane(String id, String... after) {
        return PlannedLane.newBuilder().setLaneId(id).setObjective("o").setRole("writer").setAfter(List.of(after))
                .build();
    }

    @Test
    void shouldDrawTheLanesDagEdges() {
        // Given a plan where b and c wait for a
        Plan plan = Plan.newBuilder().setPlanId("m/plan-1").setLanes(List.of(lane("a"), lane("b", "a"),
                lane("c", "a", "b"))).build();
        QuorumReached verdict = QuorumReached.newBuilder().setRound(1).setVerdict("PASS").setVotes(List.of())
                .setThreshold(2).setHeadHash("h").build();
        // When the diagram is drawn
        String diagram = MissionDiagram.render("m", plan, List.of(), verdict);
        // Then a hangs from the plan, b and c from the lanes they wait for, and the dialect check passes
        assertThat(diagram).contains("plan --> lane1\n", "lane1 --> lane2\n", "lane1 --> lane3\n", "lane2 --> lane3\n")
                .doesNotContain("plan --> lane2", "plan --> lane3");
        assertThat(MermaidCheck.check(diagram)).isEmpty();
    }
}
