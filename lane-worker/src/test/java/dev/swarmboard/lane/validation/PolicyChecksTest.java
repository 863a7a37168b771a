package dev.swarmboard.lane.validation;

import static dev.swarmboard.lane.LaneFixtures.cleanPrey;
import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.task;
import static dev.swarmboard.lane.LaneFixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.RunLane;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyChecksTest {

    private static CheckResult check(RunLane task, String... toolsRun) {
        List<BlackboardEvent> events = new ArrayList<>(cleanPrey(task));
        for (String name : toolsRun) {
            events.add(tool(task, "engage", name, 0, false));
        }
        return new PolicyChecks().check(Evidence.of(task, events));
    }

    @Test
    void shouldPassWhenToolsAndScopeAreWithinThePlan() {
        // Given
        RunLane task = task("m-1", lane("lane-a").setTools(List.of("lint")).build())
                .setAllowedCapabilities(List.of("lint")).setScope(List.of("src/a")).build();

        // When
        CheckResult result = check(task, "lint");

        // Then
        assertThat(result.getPassed()).isTrue();
        assertThat(result.getReason()).isEqualTo("tools [lint] allowed; scope within plan");
    }

    @Test
    void shouldFailAToolThatIsNotOneOfTheLanesTools() {
        // When
        CheckResult result = check(task("lane-a"), "rm-rf");

        // Then
        assertThat(result.getPassed()).isFalse();
        assertThat(result.getReason()).isEqualTo("tool rm-rf is not one of the lane's tools []");
    }

    @Test
    void shouldFailAToolTheMissionDoesNotAllow() {
        // Given
        RunLane task = task("m-1", lane("lane-a").setTools(List.of("lint")).build())
                .setAllowedCapabilities(List.of("unit-tests")).build();

        // When
        CheckResult result = check(task, "lint");

        // Then
        assertThat(result.getPassed()).isFalse();
        assertThat(result.getReason()).contains("tool lint is not in the mission's allowed capabilities [unit-tests]");
    }

    @Test
    void shouldFailAScopeBeyondThePlannedScope() {
        // Given
        RunLane task = task("m-1", lane("lane-a").build()).setScope(List.of("src/a", "/etc")).build();

        // When
        CheckResult result = check(task);

        // Then
        assertThat(result.getPassed()).isFalse();
        assertThat(result.getReason()).isEqualTo("scope [/etc] is outside the lane's planned scope [src/a, src/b]");
    }
}
