package dev.swarmboard.lane.workspace;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.lane.LaneFixtures;
import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.StagePlan;
import dev.swarmboard.schema.StageType;
import dev.swarmboard.schema.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The shipped example repository and registry for lane tests: a fresh git copy of
 * examples/workspaces/textkit, the offline registry with its {@code py-tests} tool and scripted edits,
 * and lanes planned as the orchestrator plans them (tdd and prey).
 */
public final class WorkspaceLanes {

    public static final Path EXAMPLES = Path.of("..", "examples");
    public static final String TESTS = "py-tests";

    private WorkspaceLanes() {
    }

    public static CapabilityRegistry registry() {
        return CapabilityRegistry.load(EXAMPLES.resolve("capabilities/offline.yaml"));
    }

    /** A new git repository at {@code dir} holding the example project in one commit. */
    public static Workspace textkit(Path dir) {
        Map<String, String> files = new TreeMap<>();
        Path source = EXAMPLES.resolve("workspaces/textkit");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.toString().contains("__pycache__"))
                    .toList()) {
                files.put(source.relativize(file).toString(), Files.readString(file));
            }
            Workspace workspace = TestRepos.create(dir, files);
            return Workspace.newBuilder(workspace).setTests(List.of(TESTS)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lane {@code slug-punctuation} of the example mission, workflow tdd. */
    public static PlannedLane tdd(Workspace workspace) {
        CapabilityRegistry registry = registry();
        var route = CapabilityRegistry.toRoute("offline", registry.models().get("offline"));
        List<StagePlan> stages = List.of(stage("red", "", "red_change", "red", route),
                stage("green", "red_change", "green_change", "green", route),
                stage("refactor", "green_change", "refactor_change", "green", route));
        return PlannedLane.newBuilder().setLaneId("slug-punctuation").setObjective("slugify drops punctuation")
                .setRole("engage").setScope(List.of("textkit/slug.py", "tests/test_slug.py"))
                .setTools(List.of(TESTS)).setStages(stages)
                .setRequiredArtifacts(List.of("red_change", "green_change", "refactor_change"))
                .setRequireTestsGreen(true).setWorkspace(workspace).setChecks(List.of("red_green")).build();
    }

    /** Lane {@code word-docs} of the example mission, workflow prey (tests after engage). */
    public static PlannedLane prey(String laneId, Workspace workspace) {
        return PlannedLane.newBuilder().setLaneId(laneId).setObjective("Document word_count")
                .setRole("engage").setScope(List.of("textkit/words.py")).setTools(List.of(TESTS))
                .setStages(List.of()).setRequiredArtifacts(LaneFixtures.PREY_ARTIFACTS)
                .setRequireTestsGreen(true).setWorkspace(workspace).build();
    }

    public static RunLane task(String missionId, PlannedLane lane, int attempt) {
        return LaneFixtures.task(missionId, lane).setAttempt(attempt)
                .setTaskId(missionId + "/" + lane.getLaneId() + "/" + attempt).build();
    }

    private static StagePlan stage(String name, String input, String output, String expect,
                                   dev.swarmboard.schema.ModelRoute route) {
        return StagePlan.newBuilder().setName(name).setType(StageType.SINGLE).setRole("engage")
                .setModels(List.of(route)).setContext(ContextStrategy.SCOPED).setInput(input)
                .setOutputArtifact(output).setTools(List.of(TESTS)).setExpect(expect).build();
    }
}
