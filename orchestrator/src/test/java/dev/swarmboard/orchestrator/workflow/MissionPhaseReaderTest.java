package dev.swarmboard.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.swarmboard.capability.ConfigError;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissionPhaseReaderTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "workflows");

    @Test
    void shouldReadTheFeatureBuildChainFromTheExamples() {
        // Given the shipped workflows
        WorkflowCatalogue catalogue = WorkflowCatalogue.load(EXAMPLES);
        // When feature-build is read
        Workflow workflow = catalogue.find("feature-build").orElseThrow();
        // Then workshop, plan and decompose run before the lanes, audit after, and the lanes read the plan
        assertThat(workflow.mission().before()).extracting(Phase::name, Phase::output).containsExactly(
                tuple("workshop", "workshop_notes"), tuple("plan", "plan_note"), tuple("decompose", "lane_proposal"));
        assertThat(workflow.mission().before().get(1).ensemble())
                .isEqualTo(new EnsembleShape(2, EnsembleShape.Mode.SEQUENTIAL));
        assertThat(workflow.phases()).extracting(Phase::input).containsExactly("mission.plan");
        assertThat(workflow.mission().audit()).extracting(Phase::name, Phase::input)
                .containsExactly(tuple("audit", "mission.integration"));
        // And every shipped mission-phase workflow ends its mission phases with the lane proposal
        for (String name : List.of("workshop", "plan", "phases")) {
            List<Phase> before = catalogue.find(name).orElseThrow().mission().before();
            assertThat(before.get(before.size() - 1).output()).as(name).isEqualTo("lane_proposal");
        }
    }

    @Test
    void shouldReadSamplesAndModeOfAnEnsemble() {
        String yaml = """
                name: w
                phases:
                  - {name: a, type: ensemble, models: [planner], samples: 3, mode: sequential, judge: judge, output: o}
                  - {name: b, type: ensemble, models: [x, y], judge: judge, output: p}
                """;

        Workflow workflow = WorkflowReader.read(yaml).orThrow("w.yaml");

        assertThat(workflow.phases()).extracting(Phase::ensemble).containsExactly(
                new EnsembleShape(3, EnsembleShape.Mode.SEQUENTIAL), EnsembleShape.DEFAULT);
    }

    @Test
    void shouldRefuseEnsembleShapesThatCannotRunWithPathAndLine() {
        // Given ensembles of one proposal, an unknown mode, too many samples, and samples on a single phase
        String yaml = """
                name: w
                phases:
                  - {name: a, type: ensemble, models: [planner], samples: 1, judge: judge, output: o}
                  - {name: b, type: ensemble, models: [x, y], mode: shuffled, judge: judge, output: p}
                  - {name: c, type: ensemble, models: [x], samples: 11, judge: judge, output: q}
                  - {name: d, type: single, role: r, samples: 2, mode: sequential, output: s}
                """;
        // When it is read, then each is refused where it is written
        assertThat(WorkflowReader.read(yaml).errors()).extracting(ConfigError::path, ConfigError::line)
                .containsExactlyInAnyOrder(tuple("phases[0].samples", 3), tuple("phases[1].mode", 4),
                        tuple("phases[2].samples", 5), tuple("phases[2].samples", 5), tuple("phases[3].samples", 6),
                        tuple("phases[3].mode", 6));
    }

    @Test
    void shouldRefuseMissionPhasesThatDoNotEndInTheLaneProposalOrReadWhatIsNotThere() {
        // Given mission phases whose last one writes no lane proposal, one of which reads a later phase,
        // a routed mission phase, and lanes and audits reading unknown or proposal phases
        String yaml = """
                name: w
                mission_phases:
                  - {name: early, type: single, role: planner, input: mission.late, output: a}
                  - {name: propose, type: single, role: planner, output: lane_proposal}
                  - {name: routes, type: routed, routes: {code: engage}, output: b, tools: [x]}
                phases:
                  - {name: one, type: single, role: engage, input: mission.propose, output: c}
                  - {name: two, type: single, role: engage, input: mission.nowhere, output: d}
                audit:
                  - {name: look, type: single, role: judge, input: mission.integration, output: e}
                """;
        // When it is read
        List<ConfigError> errors = WorkflowReader.read(yaml).errors();
        // Then every problem is named
        assertThat(errors).extracting(ConfigError::path).contains("mission_phases", "mission_phases[2].tools",
                "phases[0].input", "phases[1].input");
        assertThat(errors).extracting(ConfigError::message).anySatisfy(message -> assertThat(message)
                        .contains("input mission.late must name an earlier mission phase"))
                .anySatisfy(message -> assertThat(message).contains("only the last mission phase writes lane_proposal"))
                .anySatisfy(message -> assertThat(message).contains("must write output lane_proposal"))
                .anySatisfy(message -> assertThat(message).contains("a routed phase needs a lane role"));
    }

    @Test
    void shouldTranslateMissionInputsOfThePlanningLaneToItsOwnArtifacts() {
        Workflow workflow = WorkflowCatalogue.load(EXAMPLES).find("plan").orElseThrow();

        Workflow planning = dev.swarmboard.orchestrator.plan.OrchestrateLane.workflow(java.util.Optional.of(workflow));

        assertThat(planning.phases()).extracting(Phase::name, Phase::input).containsExactly(
                tuple("plan", ""), tuple("critique", "plan_note"), tuple("decompose", "plan_critiques"));
    }
}
