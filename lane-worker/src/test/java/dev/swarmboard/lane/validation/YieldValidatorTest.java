package dev.swarmboard.lane.validation;

import static dev.swarmboard.lane.LaneFixtures.cleanPrey;
import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.prey;
import static dev.swarmboard.lane.LaneFixtures.task;
import static dev.swarmboard.lane.LaneFixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.LaneYielded;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YieldValidatorTest {

    @Test
    void shouldPassACleanLaneWithEveryCheckInOrderAndTotals() {
        // Given
        RunLane task = task("m-1", lane("lane-a").setTools(List.of("unit-tests")).build()).build();
        List<BlackboardEvent> events = new ArrayList<>(cleanPrey(task));
        events.add(tool(task, "engage", "unit-tests", 0, true));

        // When
        LaneYielded yielded = YieldValidator.validate(Evidence.of(task, events));

        // Then
        assertThat(yielded.getPassed()).isTrue();
        assertThat(yielded.getChecks()).extracting(CheckResult::getName).containsExactly("artifacts_present",
                "line_count", "placeholder_scan", "tests_green", "policy_checks", "evidence_refs");
        assertThat(yielded.getArtifacts()).extracting(EvidenceRef::getLabel)
                .containsExactly("perception_snapshot", "react_plan", "engage_report");
        assertThat(yielded.getEvidenceRefs()).hasSize(4);
        assertThat(yielded.getTokensUsed()).isEqualTo(90);
        assertThat(yielded.getCostUsd()).isEqualTo(1.5);
        assertThat(yielded.getTools()).containsExactly("unit-tests");
        assertThat(yielded.getScope()).containsExactly("src/a", "src/b");
    }

    @Test
    void shouldFailTheYieldWhenOneTripwireFails() {
        // Given
        RunLane task = task("lane-a");

        // When
        LaneYielded yielded = YieldValidator.validate(Evidence.of(task, prey(task, "perception_snapshot: {}\n",
                "react_plan: {}\n", "engage_report:\n  done: TODO\n")));

        // Then
        assertThat(yielded.getPassed()).isFalse();
        assertThat(yielded.getChecks()).filteredOn(check -> !check.getPassed()).extracting(CheckResult::getName)
                .containsExactly("placeholder_scan");
    }

    @Test
    void shouldGiveTheSameYieldForTheSameEvidence() {
        // Given
        RunLane task = task("lane-a");
        LaneEvidence evidence = Evidence.of(task, cleanPrey(task));

        // Then
        assertThat(YieldValidator.validate(evidence)).isEqualTo(YieldValidator.validate(evidence));
    }
}
