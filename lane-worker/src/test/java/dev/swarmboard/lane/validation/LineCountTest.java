package dev.swarmboard.lane.validation;

import static dev.swarmboard.lane.LaneFixtures.prey;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.RunLane;
import org.junit.jupiter.api.Test;

class LineCountTest {

    private final RunLane task = task("lane-a");

    private static String yamlOfLines(String key, int lines) {
        return key + ":\n" + "  - line\n".repeat(lines - 1);
    }

    @Test
    void shouldPassAnArtifactOfExactlyTheLimit() {
        // When
        CheckResult result = new LineCount().check(Evidence.of(task, prey(task, yamlOfLines("perception_snapshot", 200),
                "react_plan: {}\n", "engage_report: {}\n")));

        // Then
        assertThat(result.getPassed()).isTrue();
    }

    @Test
    void shouldFailAnArtifactOneLineOverTheLimitNamingIt() {
        // When
        CheckResult result = new LineCount().check(Evidence.of(task, prey(task, "perception_snapshot: {}\n",
                "react_plan: {}\n", yamlOfLines("engage_report", 201))));

        // Then
        assertThat(result.getPassed()).isFalse();
        assertThat(result.getReason()).isEqualTo("engage_report has 201 lines (limit 200 per chunk)");
    }
}
