package dev.swarmboard.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.capability.ModelSpec;
import dev.swarmboard.lane.model.CallKey;
import dev.swarmboard.lane.model.ChatMessage;
import dev.swarmboard.lane.model.ModelProvider;
import dev.swarmboard.lane.model.ModelProviders;
import dev.swarmboard.lane.model.ModelRequest;
import dev.swarmboard.lane.model.ModelResponse;
import dev.swarmboard.lane.validation.ArtifactYaml;
import dev.swarmboard.orchestrator.mission.MissionFile;
import dev.swarmboard.schema.command.SubmitMission;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchFilesTest {

    @Test
    void shouldAcceptTheBenchMissionWithTenLanesOfFourStagesAndNoReruns() {
        // When the shipped bench mission is checked against the bench registry and workflows
        MissionFile checked = BenchFixtures.checkedMission();

        // Then it is valid, with ten lanes of the four-stage workflow and no reruns
        assertThat(checked.reasons()).isEmpty();
        SubmitMission submission = checked.submission().orElseThrow();
        assertThat(submission.getMission().getLanes()).hasSize(10);
        assertThat(submission.getMission().getWorkflow()).isEqualTo("four-stage");
        assertThat(submission.getMission().getMaxReruns()).isZero();
    }

    @Test
    void shouldAnswerEveryStageOfTheBenchWorkflowAtOnceWithItsArtifactAsYaml() throws Exception {
        // Given the lane worker's provider for the bench registry
        CapabilityRegistry registry = CapabilityRegistry.load(BenchFixtures.BENCH.resolve("capabilities.yaml"));
        ModelProvider provider = ModelProviders.forRegistry(registry);
        ModelSpec instant = registry.model("instant").orElseThrow();

        for (String[] stage : List.of(new String[] {"perceive", "perception_snapshot"},
                new String[] {"react", "react_plan"}, new String[] {"engage", "engage_report"},
                new String[] {"review", "review_report"})) {
            // When a lane calls it for the stage
            ModelResponse response = provider.complete(new ModelRequest(instant, "instant",
                    List.of(ChatMessage.user("work")), 500, new CallKey("bench-1", "lane-07", stage[0], 1, 0, "writer")));

            // Then the answer is immediate and is the stage's artifact as YAML
            assertThat(response.latencyMs()).isZero();
            assertThat(ArtifactYaml.parse(response.content()).tree()).hasValueSatisfying(tree ->
                    assertThat(tree.has(stage[1])).as(stage[0] + " writes " + stage[1]).isTrue());
        }
    }

    @Test
    void shouldCopyTheTemplateUnderDistinctIdsLeavingItUnchanged() {
        // Given the bench mission
        SubmitMission template = BenchFixtures.checkedMission().submission().orElseThrow();

        // When three copies are made
        List<SubmitMission> copies = E2eBench.copies(template, "run7", 3);

        // Then each has its own id and the template's content otherwise
        assertThat(copies).extracting(copy -> copy.getMission().getMissionId())
                .containsExactly("bench-run7-1", "bench-run7-2", "bench-run7-3");
        assertThat(template.getMission().getMissionId()).isEqualTo("bench");
        assertThat(copies.get(2).getMission().getLanes()).isEqualTo(template.getMission().getLanes());
    }
}
