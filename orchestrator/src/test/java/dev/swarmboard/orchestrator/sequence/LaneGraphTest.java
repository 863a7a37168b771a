package dev.swarmboard.orchestrator.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaneGraphTest {

    private static LaneGraph graph(Object... laneThenAfter) {
        Map<String, List<String>> after = new LinkedHashMap<>();
        for (int i = 0; i < laneThenAfter.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> predecessors = (List<String>) laneThenAfter[i + 1];
            after.put((String) laneThenAfter[i], predecessors);
        }
        return new LaneGraph(after);
    }

    @Test
    void shouldOrderEveryLaneAfterItsPredecessorsKeepingTheWrittenOrderOtherwise() {
        // Given c written first but waiting for a, and b waiting for nothing
        LaneGraph graph = graph("c", List.of("a"), "b", List.of(), "a", List.of(), "d", List.of("c", "b"));
        // Then the order places a before c, and d last
        assertThat(graph.order()).containsExactly("b", "a", "c", "d");
        assertThat(graph.cycle()).isEmpty();
        assertThat(graph.invalidEdges()).isEmpty();
    }

    @Test
    void shouldNameTheLanesOfACycle() {
        LaneGraph graph = graph("a", List.of("c"), "b", List.of("a"), "c", List.of("b"), "d", List.of());

        assertThat(graph.cycle()).contains(List.of("a", "c", "b", "a"));
        assertThat(graph.order()).containsExactly("d", "a", "b", "c");
    }

    @Test
    void shouldReportUnknownAndSelfPredecessorsAsInvalidEdgesNotCycles() {
        LaneGraph graph = graph("a", List.of("a"), "b", List.of("ghost"));

        assertThat(graph.invalidEdges()).containsExactly(new LaneGraph.Edge("a", "a"),
                new LaneGraph.Edge("b", "ghost"));
        assertThat(graph.cycle()).isEmpty();
    }

    @Test
    void shouldFindTransitiveDependents() {
        LaneGraph graph = graph("a", List.of(), "b", List.of("a"), "c", List.of("b"), "d", List.of());

        assertThat(graph.dependents("a")).containsExactlyInAnyOrder("b", "c");
        assertThat(graph.dependents("d")).isEmpty();
    }
}
