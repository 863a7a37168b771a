package dev.swarmboard.orchestrator.mission;

import static dev.swarmboard.orchestrator.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.orchestrator.Fixtures;
import dev.swarmboard.orchestrator.validation.MissionValidator;
import dev.swarmboard.orchestrator.workflow.WorkflowCatalogue;
import dev.swarmboard.schema.KeyValue;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MissionFilesTest {

    private static final String COMPLETE = """
            id: brief-1
            goal: "Write the release brief"
            workflow: feature-build
            inputs:
              feature: "release brief"
            lanes:
              - id: overview
                objective: "Summarise"
                role: writer
                scope: [docs/]
                tools: [unit-tests]
                workflow: prey
            constraints:
              deadline: PT30M
              token_budget: 60000
              cost_budget_usd: 0.5
              allowed_capabilities: [small, unit-tests]
              scope: [docs/]
              requires_confirmation: true
            contact: {digest: a@x, critical: b@x, timeout: c@x}
            quorum_threshold: 3
            max_reruns: 1
            shrink_scope_on_retry: false
            canary_lane: overview
            """;

    @Test
    void shouldReadSequencingAndStageSettingsAndValidateThem() {
        // Given lanes with after, a parallel cap and a stage setting
        String yaml = """
                goal: "Write the brief"
                lanes:
                  - {id: a, objective: "First", role: writer, scope: [docs/]}
                  - {id: b, objective: "Second", role: writer, scope: [docs/], after: [a]}
                constraints: {scope: [docs/], max_parallel_lanes: 1}
                stages: {engage: {max_tokens: 4000}}
                """;
        // When it is parsed and checked
        MissionFile file = MissionFiles.check(yaml, "dag.yaml", Fixtures.validator(), NOW);
        // Then every field is carried and valid
        assertThat(file.reasons()).isEmpty();
        MissionSpec spec = file.submission().orElseThrow().getMission();
        assertThat(spec.getLanes().get(1).getAfter()).containsExactly("a");
        assertThat(spec.getConstraints().getMaxParallelLanes()).isEqualTo(1);
        assertThat(spec.getStages()).extracting(stage -> stage.getName(), stage -> stage.getMaxTokens())
                .containsExactly(tuple("engage", 4000));
    }

    @Test
    void shouldAcceptTheSequencedExampleAgainstTheOfflineRegistry() {
        MissionValidator offline = new MissionValidator(CapabilityRegistry.load(Fixtures.EXAMPLES.resolve(
                "capabilities/offline.yaml")), Fixtures.workflows());

        MissionFile file = MissionFiles.check(Fixtures.EXAMPLES.resolve("missions/sequenced.yaml"), offline, NOW);

        assertThat(file.reasons()).isEmpty();
        assertThat(file.submission().orElseThrow().getMission().getLanes().get(2).getAfter())
                .containsExactly("overview");
    }

    @Test
    void shouldRejectAStageSettingNoLaneRuns() {
        String yaml = """
                goal: "Write the brief"
                lanes:
                  - {id: a, objective: "First", role: writer, scope: [docs/]}
                constraints: {scope: [docs/]}
                stages: {enagge: {max_tokens: 4000}}
                """;

        MissionFile file = MissionFiles.check(yaml, "typo.yaml", Fixtures.validator(), NOW);

        assertThat(file.reasons()).extracting(Reason::getCode, Reason::getField)
                .containsExactly(tuple("UNKNOWN", "stages.enagge (line 5)"));
    }

    @Test
    void shouldReadEveryFieldOfAMissionFile() {
        // Given a mission file that sets every field
        // When it is parsed
        MissionFile file = MissionFiles.parse(COMPLETE, "brief.yaml");
        // Then the command carries all of it
        assertThat(file.reasons()).isEmpty();
        MissionSpec spec = file.submission().orElseThrow().getMission();
        assertThat(file.submission().get().getSource()).isEqualTo("brief.yaml");
        assertThat(spec.getMissionId()).isEqualTo("brief-1");
        assertThat(spec.getWorkflow()).isEqualTo("feature-build");
        assertThat(spec.getWorkflowInputs()).containsExactly(new KeyValue("feature", "release brief"));
        assertThat(spec.getLanes().get(0).getTools()).containsExactly("unit-tests");
        assertThat(spec.getLanes().get(0).getWorkflow()).isEqualTo("prey");
        assertThat(spec.getConstraints().getDeadline()).isEqualTo("PT30M");
        assertThat(spec.getConstraints().getTokenBudget()).isEqualTo(60_000L);
        assertThat(spec.getConstraints().getCostBudgetUsd()).isEqualTo(0.5);
        assertThat(spec.getConstraints().getRequiresConfirmation()).isTrue();
        assertThat(spec.getContactPolicy().getTimeout()).isEqualTo("c@x");
        assertThat(spec.getQuorumThreshold()).isEqualTo(3);
        assertThat(spec.getMaxReruns()).isEqualTo(1);
        assertThat(spec.getShrinkScopeOnRetry()).isFalse();
        assertThat(spec.getCanaryLane()).isEqualTo("overview");
    }

    @Test
    void shouldDefaultTheQuorumAndRerunSettings() {
        MissionSpec spec = MissionFiles.parse("id: m\ngoal: g\n", "m.yaml").submission().orElseThrow().getMission();

        assertThat(spec.getQuorumThreshold()).isEqualTo(2);
        assertThat(spec.getMaxReruns()).isEqualTo(3);
        assertThat(spec.getShrinkScopeOnRetry()).isTrue();
        assertThat(spec.getConstraints().getDeadline()).isNull();
    }

    @Test
    void shouldReadJson() {
        MissionFile file = MissionFiles.parse("""
                {"id": "j1", "goal": "g", "lanes": [{"id": "a", "objective": "o", "role": "writer"}],
                 "constraints": {"token_budget": 5000}}
                """, "m.json");

        assertThat(file.submission().orElseThrow().getMission().getLanes()).hasSize(1);
    }

    @Test
    void shouldDeriveAMissingIdFromTheContent() {
        // Given the same file twice, and a different one, all without ids
        String first = MissionFiles.parse("goal: g\n", "a.yaml").submission().orElseThrow().getMission().getMissionId();
        String again = MissionFiles.parse("goal: g\n", "b.yaml").submission().orElseThrow().getMission().getMissionId();
        String other = MissionFiles.parse("goal: h\n", "c.yaml").submission().orElseThrow().getMission().getMissionId();
        // Then the same content gets the same id, so resubmitting it is recognised
        assertThat(first).matches("m-[0-9a-f]{16}").isEqualTo(again).isNotEqualTo(other);
    }

    @Test
    void shouldLocateFileErrorsByFieldAndLine() {
        MissionFile file = MissionFiles.parse("""
                goal: g
                lanes:
                  - id: a
                    role: writer
                constraints:
                  token_budget: lots
                colour: red
                """, "bad.yaml");

        assertThat(file.valid()).isFalse();
        assertThat(file.reasons()).extracting(Reason::getCode).containsOnly("INVALID_MISSION_FILE");
        assertThat(file.reasons()).extracting(Reason::getField).containsExactlyInAnyOrder(
                "lanes[0].objective (line 3)", "constraints.token_budget (line 6)", "colour (line 7)");
    }

    @Test
    void shouldLocateValidationReasonsInTheFile() {
        // Given a well-formed file with a duplicate lane id and an unknown tool
        String yaml = """
                id: m
                goal: g
                lanes:
                  - {id: a, objective: o, role: writer}
                  - id: a
                    objective: o
                    role: writer
                    tools: [hammer]
                """;
        // When it is checked against the registry
        MissionFile file = MissionFiles.check(yaml, "m.yaml", Fixtures.validator(), NOW);
        // Then each reason names its field and line
        assertThat(file.submission()).isEmpty();
        assertThat(file.reasons()).extracting(Reason::getCode, Reason::getField).containsExactlyInAnyOrder(
                tuple("DUPLICATE_LANE_ID", "lanes[1].id (line 5)"),
                tuple("UNKNOWN", "lanes[1].tools[0] (line 8)"));
    }

    @Test
    void shouldNoteCasesThatWillPauseWithoutRefusingTheFile() {
        MissionFile file = MissionFiles.check("""
                id: m
                goal: g
                lanes: [{id: a, objective: o, role: r, scope: ['docs/*.md']}]
                constraints: {scope: [docs/]}
                """, "m.yaml", Fixtures.validator(), NOW);

        assertThat(file.valid()).isTrue();
        assertThat(file.notes()).extracting(Reason::getField).containsExactly("lanes[0].scope[0] (line 3)");
    }

    @Test
    void shouldAcceptTheExampleMissionsWithTheOfflineRegistry() {
        // Given the shipped offline registry and example workflows
        CapabilityRegistry offline = CapabilityRegistry.load(Fixtures.EXAMPLES.resolve("capabilities/offline.yaml"));
        MissionValidator validator = new MissionValidator(offline, WorkflowCatalogue.load(
                Fixtures.EXAMPLES.resolve("workflows")));
        // When the example missions are checked
        MissionFile demo = MissionFiles.check(Fixtures.EXAMPLES.resolve("missions/demo.yaml"), validator, NOW);
        MissionFile orchestrated = MissionFiles.check(Fixtures.EXAMPLES.resolve("missions/orchestrated.yaml"),
                validator, NOW);
        // Then both are valid
        assertThat(demo.reasons()).isEmpty();
        assertThat(demo.submission().orElseThrow().getMission().getLanes()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(orchestrated.reasons()).isEmpty();
    }

    @Test
    void shouldReportAnUnreadableFile() {
        MissionFile file = MissionFiles.parse(Path.of("no-such-mission.yaml"));

        assertThat(file.reasons()).extracting(Reason::getCode).containsExactly("INVALID_MISSION_FILE");
    }
}
