package dev.swarmboard.orchestrator.validation;

import static dev.swarmboard.orchestrator.Fixtures.NOW;
import static dev.swarmboard.orchestrator.Fixtures.mission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.swarmboard.orchestrator.Fixtures;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkspaceChecksTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private final MissionValidator validator = Fixtures.validator();

    private static Workspace.Builder workspace() {
        return Workspace.newBuilder().setRepo("/srv/repo").setBase(COMMIT).setBaseRef("main")
                .setTests(List.of("unit-tests")).setTestPaths(List.of("tests/**"));
    }

    @Test
    void shouldAcceptAPinnedWorkspaceAndGiveEveryLaneItAndItsTests() {
        // Given a mission with a pinned workspace
        MissionSpec spec = mission("m1").setWorkspace(workspace().build()).build();

        // When it is validated
        Validation validation = validator.validate(spec, NOW, NOW);

        // Then it passes, every lane carries the workspace and runs its test tool, and tests_green is required
        assertThat(validation.reasons()).isEmpty();
        assertThat(validation.lanes()).allSatisfy(lane -> {
            assertThat(lane.lane().getWorkspace().getBase()).isEqualTo(COMMIT);
            assertThat(lane.lane().getTools()).contains("unit-tests");
            assertThat(lane.lane().getRequireTestsGreen()).isTrue();
        });
    }

    @Test
    void shouldRejectAnUnpinnedBaseARelativeRepoAndAClimbingTestPath() {
        // Given a workspace as a person wrote it, not as swarm submit pins it
        MissionSpec spec = mission("m1").setWorkspace(workspace().setRepo("../repo").setBase("main")
                .setTestPaths(List.of("../other/**")).build()).build();

        // When it is validated, Then each fault is named at its field
        assertThat(validator.validate(spec, NOW, NOW).rejections())
                .extracting(reason -> tuple(reason.getCode(), reason.getField()))
                .containsExactlyInAnyOrder(tuple("INVALID_WORKSPACE", "workspace.repo"),
                        tuple("INVALID_WORKSPACE", "workspace.base"),
                        tuple("INVALID_WORKSPACE", "workspace.test_paths[0]"));
    }

    @Test
    void shouldRejectTestToolsThatAreUnknownNotTestRunnersOrNotAllowed() {
        // Given test tools: one unknown, one not marked tests: true, one not allowed by the mission
        MissionSpec spec = mission("m1").setWorkspace(workspace()
                        .setTests(List.of("pytest", "line-count", "unit-tests")).build())
                .setConstraints(Constraints.newBuilder(mission("m1").build().getConstraints())
                        .setAllowedCapabilities(List.of("offline", "line-count")).build())
                .build();

        // When it is validated, Then every test tool fault is reported
        assertThat(validator.validate(spec, NOW, NOW).rejections())
                .extracting(reason -> tuple(reason.getCode(), reason.getField()))
                .contains(tuple("UNKNOWN", "workspace.tests[0]"), tuple("INVALID_WORKSPACE", "workspace.tests[1]"),
                        tuple("CAPABILITY_NOT_ALLOWED", "workspace.tests[2]"));
    }
}
