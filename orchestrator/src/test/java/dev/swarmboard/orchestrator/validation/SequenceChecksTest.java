package dev.swarmboard.orchestrator.validation;

import static dev.swarmboard.orchestrator.Fixtures.NOW;
import static dev.swarmboard.orchestrator.Fixtures.lane;
import static dev.swarmboard.orchestrator.Fixtures.mission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.swarmboard.orchestrator.Fixtures;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceChecksTest {

    private final MissionValidator validator = Fixtures.validator();

    private static LaneSpec after(String id, String... predecessors) {
        return LaneSpec.newBuilder(lane(id, "writer", List.of("docs/"))).setAfter(List.of(predecessors)).build();
    }

    private List<Reason> reasons(MissionSpec.Builder spec) {
        return validator.validate(spec.build(), NOW, NOW).rejections();
    }

    @Test
    void shouldAcceptADag() {
        assertThat(reasons(mission("m1").setLanes(List.of(after("a"), after("b", "a"), after("c", "a", "b")))))
                .isEmpty();
    }

    @Test
    void shouldRejectACycleNamingIt() {
        List<Reason> reasons = reasons(mission("m1").setLanes(List.of(after("a", "b"), after("b", "a"), after("c"))));

        assertThat(reasons).extracting(Reason::getCode, Reason::getField, Reason::getMessage).containsExactly(
                tuple("LANE_CYCLE", "lanes[0].after", "the lanes wait for each other in a cycle: a → b → a"));
    }

    @Test
    void shouldRejectAnUnknownOrSelfPredecessorNamingIt() {
        List<Reason> reasons = reasons(mission("m1").setLanes(List.of(after("a", "a"), after("b", "ghost"))));

        assertThat(reasons).extracting(Reason::getCode, Reason::getField).containsExactly(
                tuple("INVALID_AFTER", "lanes[0].after"), tuple("INVALID_AFTER", "lanes[1].after"));
        assertThat(reasons.get(1).getMessage()).contains("'ghost'");
    }

    @Test
    void shouldRejectACanaryThatWaitsForAnotherLane() {
        List<Reason> reasons = reasons(mission("m1").setLanes(List.of(after("a"), after("b", "a")))
                .setCanaryLane("b"));

        assertThat(reasons).extracting(Reason::getCode).containsExactly("INVALID_CANARY");
    }

    @Test
    void shouldAcceptSequencedLanesOfAWorkspaceMission() {
        List<Reason> reasons = reasons(mission("m1").setLanes(List.of(after("a"), after("b", "a")))
                .setWorkspace(dev.swarmboard.schema.Workspace.newBuilder().setRepo("/r").setBase("0".repeat(40))
                        .setBaseRef("main").build()));

        assertThat(reasons).extracting(Reason::getCode).doesNotContain("INVALID_AFTER", "LANE_CYCLE");
    }

    @Test
    void shouldRejectANegativeParallelCap() {
        MissionSpec base = mission("m1").build();
        List<Reason> reasons = reasons(MissionSpec.newBuilder(base).setConstraints(
                Constraints.newBuilder(base.getConstraints()).setMaxParallelLanes(-1).build()));

        assertThat(reasons).extracting(Reason::getCode, Reason::getField)
                .containsExactly(tuple("INVALID_MAX_PARALLEL_LANES", "constraints.max_parallel_lanes"));
    }
}
