package dev.swarmboard.lane.validation;

import static dev.swarmboard.lane.LaneFixtures.cleanPrey;
import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.prey;
import static dev.swarmboard.lane.LaneFixtures.task;
import static dev.swarmboard.lane.LaneFixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.RunLane;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestsGreenTest {

    private final RunLane required = task("m-1", lane("lane-a").setRequireTestsGreen(true).build()).build();

    private CheckResult check(RunLane task, BlackboardEvent... extra) {
        List<BlackboardEvent> events = new ArrayList<>(cleanPrey(task));
        events.addAll(List.of(extra));
        return new TestsGreen().check(Evidence.of(task, events));
    }

    @Test
    void shouldPassAsNotRequiredWhenTheLaneDoesNotRequireTests() {
        // When
        CheckResult result = check(task("lane-a"));

        // Then
        assertThat(result.getPassed()).isTrue();
        assertThat(result.getReason()).isEqualTo("not required");
    }

    @Test
    void shouldPassWhenATestToolExitedZero() {
        // When
        CheckResult result = check(required, tool(required, "engage", "unit-tests", 0, true));

        // Then
        assertThat(result.getPassed()).isTrue();
        assertThat(result.getReason()).isEqualTo("1 test run(s) exited 0: unit-tests");
    }

    @Test
    void shouldFailWhenATestToolExitedNonZero() {
        // When
        CheckResult result = check(required, tool(required, "engage", "unit-tests", 1, true));

        // Then
        assertThat(result.getPassed()).isFalse();
        assertThat(result.getReason()).isEqualTo("unit-tests exited 1");
    }

    @Test
    void shouldFailWhenOnlyTheModelClaimsTheTestsAreGreen() {
        // Given an engage report claiming green tests, and a non-test tool that exited 0
        List<BlackboardEvent> events = new ArrayList<>(prey(required, "perception_snapshot: {}\n", "react_plan: {}\n",
                "engage_report:\n  tests_green: true\n  tests: all passed\n"));
        events.add(tool(required, "engage", "line-count", 0, false));

        // When
        CheckResult result = new TestsGreen().check(Evidence.of(required, events));

        // Then
        assertThat(result.getPassed()).isFalse();
        assertThat(result.getReason()).isEqualTo("required, but no test tool ran");
    }
}
