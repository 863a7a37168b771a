package dev.swarmboard.orchestrator.validation;

import static dev.swarmboard.orchestrator.Fixtures.NOW;
import static dev.swarmboard.orchestrator.Fixtures.lane;
import static dev.swarmboard.orchestrator.Fixtures.mission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.swarmboard.orchestrator.Fixtures;
import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MissionLimitsTest {

    private final MissionValidator validator = Fixtures.validator();

    @Test
    void shouldRefuseTenThousandLanesWithOneReasonNamingTheLimit() {
        // Given a mission of 10,000 valid lanes
        MissionSpec spec = mission("m-wide").setLanes(lanes(10_000)).build();
        // When it is validated
        List<Reason> reasons = validator.validate(spec, NOW, NOW).rejections();
        // Then one reason names the lane limit, and no per-lane reason is added
        assertThat(reasons).extracting(Reason::getCode, Reason::getField)
                .containsExactly(tuple("LIMIT_EXCEEDED", "lanes"));
        assertThat(reasons.get(0).getMessage()).contains("10000", String.valueOf(MissionLimits.LANES));
    }

    @Test
    void shouldAcceptTheLaneLimitItself() {
        MissionSpec spec = mission("m-full").setLanes(lanes(MissionLimits.LANES)).build();

        assertThat(validator.validate(spec, NOW, NOW).rejections()).isEmpty();
    }

    @Test
    void shouldCountTextInUtf8BytesAndNeverEchoIt() {
        // Given a goal of 1,500 three-byte characters (4,500 bytes) and an over-long objective
        String goal = "€".repeat(1_500);
        LaneSpec longObjective = LaneSpec.newBuilder(lane("a", "writer", List.of("docs/")))
                .setObjective("x".repeat(MissionLimits.OBJECTIVE_BYTES + 1)).build();
        MissionSpec spec = mission("m-long").setGoal(goal).setLanes(List.of(longObjective)).build();
        // When it is validated
        List<Reason> reasons = validator.validate(spec, NOW, NOW).rejections();
        // Then both fields are named with their limit, and the text itself is not repeated
        assertThat(reasons).extracting(Reason::getCode, Reason::getField).containsExactly(
                tuple("LIMIT_EXCEEDED", "goal"), tuple("LIMIT_EXCEEDED", "lanes[0].objective"));
        assertThat(reasons.get(0).getMessage()).contains("4500", "4000").doesNotContain("€€");
    }

    @Test
    void shouldRefuseTooManyScopeEntriesAndTools() {
        LaneSpec wide = LaneSpec.newBuilder(lane("a", "writer", IntStream.range(0, 9).mapToObj(i -> "docs/" + i).toList()))
                .setTools(IntStream.range(0, 9).mapToObj(i -> "unit-tests").toList()).build();

        assertThat(MissionLimits.check(mission("m").setLanes(List.of(wide)).build()))
                .extracting(Reason::getField).containsExactly("lanes[0].scope", "lanes[0].tools");
    }

    @Test
    void shouldCapTheNumberOfReasonsInOneAnswer() {
        // Given 100 lanes with an unknown role each (100 rejections)
        List<LaneSpec> unknownRoles = IntStream.range(0, 100)
                .mapToObj(i -> LaneSpec.newBuilder(lane("l" + i, "writer", List.of("docs/"))).setTools(List.of("nope"))
                        .build()).toList();
        // When it is validated
        List<Reason> reasons = validator.validate(mission("m").setLanes(unknownRoles).build(), NOW, NOW).rejections();
        // Then the answer keeps the limit's worth of reasons, the last one counting the rest
        assertThat(reasons).hasSize(MissionLimits.REASONS);
        assertThat(reasons.get(MissionLimits.REASONS - 1).getMessage()).startsWith("51 more reasons left out");
    }

    private static List<LaneSpec> lanes(int count) {
        return IntStream.range(0, count).mapToObj(i -> lane("l" + i, "writer", List.of("docs/"))).toList();
    }
}
