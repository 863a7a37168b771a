package dev.swarmboard.orchestrator.mission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.git.GitCli;
import dev.swarmboard.orchestrator.Fixtures;
import dev.swarmboard.orchestrator.validation.MissionValidator;
import dev.swarmboard.orchestrator.workflow.WorkflowCatalogue;
import dev.swarmboard.orchestrator.workflow.WorkflowReader;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.StagePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceMissionTest {

    @TempDir
    Path dir;

    @Test
    void shouldPlanTheExampleWorkspaceMissionWithTddStagesThatRunTheTests() throws IOException {
        // Given the example mission beside a git copy of the example repository, as swarm demo lays them out
        Path source = Fixtures.EXAMPLES.resolve("workspaces/textkit");
        Path repo = dir.resolve("workspaces/textkit");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = repo.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        GitCli.run(repo, "init", "-q");
        GitCli.run(repo, "add", "-A");
        assertThat(GitCli.run(repo, "commit", "-q", "-m", "base").ok()).isTrue();
        Path mission = Files.createDirectories(dir.resolve("missions")).resolve("workspace.yaml");
        Files.copy(Fixtures.EXAMPLES.resolve("missions/workspace.yaml"), mission);
        MissionValidator validator = new MissionValidator(
                CapabilityRegistry.load(Fixtures.EXAMPLES.resolve("capabilities/offline.yaml")),
                WorkflowCatalogue.load(Fixtures.EXAMPLES.resolve("workflows")));

        // When it is checked as swarm submit checks it
        MissionFile checked = MissionFiles.check(mission, validator, Fixtures.NOW);

        // Then it is valid, pinned, and the tdd lane's stages run py-tests expecting red, then green
        assertThat(checked.reasons()).isEmpty();
        var spec = checked.submission().orElseThrow().getMission();
        assertThat(spec.getWorkspace().getBase()).matches("[0-9a-f]{40}");
        var lanes = validator.validate(spec, Fixtures.NOW, Fixtures.NOW).lanes();
        PlannedLane tdd = lanes.get(0).lane();
        assertThat(tdd.getChecks()).containsExactly("red_green");
        assertThat(tdd.getStages()).extracting(StagePlan::getName, StagePlan::getExpect)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("red", "red"),
                        org.assertj.core.groups.Tuple.tuple("green", "green"),
                        org.assertj.core.groups.Tuple.tuple("refactor", "green"));
        assertThat(tdd.getStages()).allSatisfy(stage -> assertThat(stage.getTools()).containsExactly("py-tests"));
        PlannedLane prey = lanes.get(1).lane();
        assertThat(prey.getStages()).extracting(StagePlan::getName, StagePlan::getTools).last()
                .isEqualTo(org.assertj.core.groups.Tuple.tuple("engage", java.util.List.of("py-tests")));
        assertThat(prey.getTools()).containsExactly("py-tests");
        assertThat(prey.getRequireTestsGreen()).isTrue();
    }

    @Test
    void shouldRefuseARedGreenWorkflowWithoutARedPhaseThatRunsTheTests() {
        // Given a workflow declaring red_green whose only phase expects green and runs no tests
        var parsed = WorkflowReader.read("""
                name: broken
                checks: [red_green, blue_check]
                phases:
                  - {name: green, type: single, role: engage, output: g, expect: green}
                """);

        // Then each problem is named
        assertThat(parsed.value()).isEmpty();
        assertThat(parsed.errors()).extracting(Object::toString).anySatisfy(error ->
                        assertThat(error).contains("unknown check 'blue_check'"))
                .anySatisfy(error -> assertThat(error).contains("does not run the tests"))
                .anySatisfy(error -> assertThat(error).contains("needs a phase with expect: red"));
    }
}
