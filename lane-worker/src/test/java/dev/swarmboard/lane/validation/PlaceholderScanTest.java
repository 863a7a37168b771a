package dev.swarmboard.lane.validation;

import static dev.swarmboard.lane.LaneFixtures.prey;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.RunLane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholderScanTest {

    private final RunLane task = task("lane-a");

    private CheckResult scanReport(String report) {
        return new PlaceholderScan().check(Evidence.of(task, prey(task, "perception_snapshot: {}\n",
                "react_plan: {}\n", report)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"  note: TODO write this", "  note: tbd", "  note: FixMe later", "  text: Lorem  ipsum dolor",
        "  ...", "  - ...", "  summary: …", "  owner: <your-name>", "  key: <API_KEY>", "  s: <insert summary here>",
        "  p: <placeholder>"})
    void shouldFailOnEachPlaceholderNamingArtifactAndLine(String line) {
        // When
        CheckResult result = scanReport("engage_report:\n" + line + "\n");

        // Then
        assertThat(result.getPassed()).isFalse();
        assertThat(result.getReason()).startsWith("engage_report line 2: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"  type: List<String>", "  todos: none", "  note: and so on...", "  a: b <= c > d",
        "  text: mastodon"})
    void shouldPassTextThatOnlyLooksLikeAPlaceholder(String line) {
        // When
        CheckResult result = scanReport("engage_report:\n" + line + "\n");

        // Then
        assertThat(result.getPassed()).as(result.getReason()).isTrue();
    }

    @Test
    void shouldListAtMostTenFindingsAndCountTheRest() {
        // When
        CheckResult result = scanReport("engage_report:\n" + "  - TODO\n".repeat(12));

        // Then
        assertThat(result.getReason()).endsWith("(+2 more)").contains("engage_report line 11");
    }
}
