package dev.swarmboard.orchestrator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevertPathsTest {

    @Test
    void shouldSayAWorkspaceLaneChangedOnlyItsOwnCheckouts() {
        // Given a lane that works on a repository
        PlannedLane lane = PlannedLane.newBuilder().setLaneId("a").setObjective("o").setRole("r")
                .setTools(List.of("py-tests")).setWorkspace(Workspace.newBuilder().setRepo("/srv/repo")
                        .setBase("c".repeat(40)).build()).build();

        // When the revert path is written, Then it names the repository and base and that it is untouched
        assertThat(RevertPaths.of("m-1", "p-1", List.of(lane))).anySatisfy(step -> assertThat(step)
                .startsWith("lane a: its changes and tool runs stayed in its own checkouts of /srv/repo at cccc")
                .endsWith("the repository itself is not changed"));

        // And how to remove or revert a delivered branch
        assertThat(RevertPaths.of("m-1", "p-1", List.of(lane))).anySatisfy(step -> assertThat(step)
                .contains("git -C /srv/repo branch -D swarm/m-1", "git revert --no-edit"));
    }
}
