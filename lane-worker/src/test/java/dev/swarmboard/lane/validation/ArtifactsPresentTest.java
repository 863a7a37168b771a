package dev.swarmboard.lane.validation;

import static dev.swarmboard.lane.LaneFixtures.cleanPrey;
import static dev.swarmboard.lane.LaneFixtures.events;
import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.prey;
import static dev.swarmboard.lane.LaneFixtures.stageCompleted;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.StageCompleted;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArtifactsPresentTest {

    private final RunLane task = task("lane-a");
    private final ArtifactsPresent check = new ArtifactsPresent();

    @Test
    void shouldPassWhenEveryArtifactIsPresentIntactAndYaml() {
        // When
        CheckResult result = check.check(Evidence.of(task, cleanPrey(task)));

        // Then
        assertThat(result.getPassed()).isTrue();
        assertThat(result.getName()).isEqualTo("artifacts_present");
    }

    @Test
    void shouldFailNamingAMissingArtifact() {
        // Given only two of three artifacts
        List<BlackboardEvent> events = cleanPrey(task).subList(0, 2);

        // When
        CheckResult result = check.check(Evidence.of(task, events));

        // Then
        assertThat(result.getPassed()).isFalse();
        assertThat(result.getReason()).isEqualTo("engage_report: no receipt carries it");
    }

    @Test
    void shouldFailWhenAReceiptNoLongerHashesToItsContentHash() {
        // Given a receipt whose output was changed after it was hashed
        List<BlackboardEvent> events = new ArrayList<>(cleanPrey(task));
        ((StageCompleted) events.get(1).getPayload()).setOutput("react_plan:\n  steps: [forged]\n");

        // When
        CheckResult result = check.check(Evidence.of(task, events));

        // Then
        assertThat(result.getPassed()).isFalse();
        assertThat(result.getReason()).contains("react_plan: receipt", "does not hash to its content hash")
                .contains("react_plan: output hash");
    }

    @Test
    void shouldFailWhenTheOutputHashIsNotTheOutputs() {
        // Given a receipt written with a wrong output hash
        BlackboardEvent wrong = events(task).event(
                stageCompleted("engage", "SINGLE", 0, "engage_report",
                        "engage_report: {}\n").setOutputHash("00").build(), "engage", "SINGLE", 0);
        List<BlackboardEvent> events = List.of(cleanPrey(task).get(0), cleanPrey(task).get(1), wrong);

        // When
        CheckResult result = check.check(Evidence.of(task, events));

        // Then
        assertThat(result.getPassed()).isFalse();
        assertThat(result.getReason()).isEqualTo("engage_report: output hash 00 is not the SHA-256 of its output");
    }

    @Test
    void shouldFailWhenAnArtifactIsNotYaml() {
        // Given a perception that is not YAML
        List<BlackboardEvent> events = prey(task, "perception_snapshot: [unclosed\n", "react_plan: {}\n",
                "engage_report: {}\n");

        // When
        CheckResult result = check.check(Evidence.of(task, events));

        // Then
        assertThat(result.getPassed()).isFalse();
        assertThat(result.getReason()).startsWith("perception_snapshot: not YAML at line");
    }

    @Test
    void shouldFailWhenTheLaneRequiresNoArtifact() {
        // Given a lane without required artifacts
        RunLane bare = task("m-1", lane("lane-a").setRequiredArtifacts(List.of())
                .build()).build();

        // When
        CheckResult result = check.check(Evidence.of(bare, cleanPrey(bare)));

        // Then
        assertThat(result.getPassed()).isFalse();
    }
}
