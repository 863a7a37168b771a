package dev.swarmboard.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.swarmboard.capability.ConfigError;
import dev.swarmboard.capability.Parsed;
import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.StageType;
import org.junit.jupiter.api.Test;

class WorkflowReaderTest {

    @Test
    void shouldReadEveryPhaseType() {
        // Given a workflow with a single, an ensemble, a routed and a parallel phase
        String yaml = """
                name: full
                description: every phase type
                inputs: [feature]
                phases:
                  - {name: look, type: single, role: perceive, output: snapshot, context: fresh}
                  - {name: design, type: ensemble, models: [planner, big], judge: judge, input: snapshot,
                     output: design, context: distilled}
                  - name: build
                    type: routed
                    routes: {code: engage, docs: react}
                    input: design
                    output: change
                    context: scoped
                  - {name: review, type: parallel, role: reviewer, models: [judge, engage], input: change,
                     output: reviews, context: full}
                """;
        // When it is read
        Workflow workflow = WorkflowReader.read(yaml).orThrow("full.yaml");
        // Then every phase keeps its shape, and unset roles default to the phase name
        assertThat(workflow.inputs()).containsExactly("feature");
        assertThat(workflow.phases()).extracting(Phase::name, Phase::type, Phase::role, Phase::context).containsExactly(
                tuple("look", StageType.SINGLE, "perceive", ContextStrategy.FRESH),
                tuple("design", StageType.ENSEMBLE, "design", ContextStrategy.DISTILLED),
                tuple("build", StageType.ROUTED, "build", ContextStrategy.SCOPED),
                tuple("review", StageType.PARALLEL, "reviewer", ContextStrategy.FULL));
        assertThat(workflow.phases().get(1).judge()).isEqualTo("judge");
        assertThat(workflow.phases().get(2).routes()).containsExactly(new Phase.Route("code", "engage"),
                new Phase.Route("docs", "react"));
        assertThat(workflow.outputs()).containsExactly("snapshot", "design", "change", "reviews");
    }

    @Test
    void shouldReportEveryErrorWithItsPathAndLine() {
        // Given a workflow with several mistakes
        String yaml = """
                name: orchestrate
                colour: blue
                phases:
                  - name: a
                    type: single
                    output: x
                  - name: b
                    type: ensemble
                    models: [one]
                    input: nowhere
                    output: x
                  - name: c
                    type: juggling
                    output: y
                    context: psychic
                """;
        // When it is read
        Parsed<Workflow> parsed = WorkflowReader.read(yaml);
        // Then no workflow comes out, and each mistake is named where it is
        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.errors()).extracting(ConfigError::path, ConfigError::line).contains(
                tuple("name", 1), tuple("colour", 2), tuple("phases[0].role", 4),
                tuple("phases[1].models", 9), tuple("phases[1].judge", 7), tuple("phases[1].input", 10),
                tuple("phases[1].output", 11), tuple("phases[2].type", 13), tuple("phases[2].context", 15));
    }

    @Test
    void shouldRefuseKeysThatDoNotBelongToThePhaseType() {
        String yaml = """
                name: w
                phases:
                  - {name: a, type: single, role: r, models: [x, y], judge: j, output: o}
                  - {name: b, type: routed, routes: {}, output: p}
                """;

        assertThat(WorkflowReader.read(yaml).errors()).extracting(ConfigError::path).containsExactlyInAnyOrder(
                "phases[0].models", "phases[0].judge", "phases[1].routes");
    }

    @Test
    void shouldRefuseAWorkflowWithoutPhases() {
        assertThat(WorkflowReader.read("name: w\nphases: []\n").errors()).extracting(ConfigError::path)
                .containsExactly("phases");
        assertThat(WorkflowReader.read("name: w\n").errors()).extracting(ConfigError::path)
                .containsExactly("phases");
    }
}
