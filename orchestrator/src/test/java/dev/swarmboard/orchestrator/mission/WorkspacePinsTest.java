package dev.swarmboard.orchestrator.mission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.git.GitCli;
import dev.swarmboard.schema.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspacePinsTest {

    @TempDir
    Path dir;
    private Path repo;
    private String head;

    @BeforeEach
    void createRepository() throws IOException {
        repo = Files.createDirectories(dir.resolve("service"));
        Files.writeString(repo.resolve("README.md"), "service\n");
        assertThat(GitCli.run(repo, "init", "-q").ok()).isTrue();
        assertThat(GitCli.run(repo, "add", "-A").ok()).isTrue();
        assertThat(GitCli.run(repo, "commit", "-q", "-m", "first").ok()).isTrue();
        head = GitCli.run(repo, "rev-parse", "HEAD").firstLine();
    }

    private static Workspace workspace(String repo, String base) {
        return Workspace.newBuilder().setRepo(repo).setBase(base).setBaseRef(base).setTests(List.of()).build();
    }

    @Test
    void shouldPinABranchOfARelativeRepositoryToItsCommit() throws IOException {
        // Given a mission folder beside the repository
        Path missions = Files.createDirectories(dir.resolve("missions"));

        // When the workspace ../service at main is pinned
        WorkspacePins.Pinned pinned = WorkspacePins.pin(workspace("../service", "main"), missions);

        // Then the repository is absolute, the base the full commit id, and the ref as written is kept
        assertThat(pinned.reasons()).isEmpty();
        assertThat(pinned.workspace().orElseThrow().getRepo()).isEqualTo(repo.toString());
        assertThat(pinned.workspace().orElseThrow().getBase()).isEqualTo(head).matches("[0-9a-f]{40}");
        assertThat(pinned.workspace().orElseThrow().getBaseRef()).isEqualTo("main");
    }

    @Test
    void shouldRejectAnUnknownRefAndAMissingRepository() {
        // When an unknown ref and a missing folder are pinned, Then each is WORKSPACE_UNRESOLVED at its field
        assertThat(WorkspacePins.pin(workspace("service", "no-such-branch"), dir).reasons())
                .singleElement().satisfies(reason -> {
                    assertThat(reason.getCode()).isEqualTo("WORKSPACE_UNRESOLVED");
                    assertThat(reason.getField()).isEqualTo("workspace.base");
                });
        assertThat(WorkspacePins.pin(workspace("missing", "main"), dir).reasons())
                .singleElement().satisfies(reason -> assertThat(reason.getField()).isEqualTo("workspace.repo"));
    }

    @Test
    void shouldPinTheMissionFileAndDeriveItsIdFromThePinnedContent() throws IOException {
        // Given a mission file without an id naming the repository at main
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, """
                goal: "Change the service"
                workspace:
                  repo: service
                  base: main
                lanes:
                  - {id: a, objective: "do it", role: writer, scope: [README.md]}
                """);

        // When it is parsed for submission
        MissionFile parsed = MissionFiles.parse(file);

        // Then the published spec names the commit, and a new commit on main makes it another mission
        var spec = parsed.submission().orElseThrow().getMission();
        assertThat(spec.getWorkspace().getBase()).isEqualTo(head);
        Files.writeString(repo.resolve("README.md"), "moved\n");
        GitCli.run(repo, "commit", "-q", "-am", "second");
        assertThat(MissionFiles.parse(file).submission().orElseThrow().getMission().getMissionId())
                .isNotEqualTo(spec.getMissionId());
    }

    @Test
    void shouldRejectAFileWhoseRefCannotBeResolvedAtItsLine() throws IOException {
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, "goal: g\nworkspace:\n  repo: service\n  base: nope\n");

        MissionFile parsed = MissionFiles.parse(file);

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.getCode()).isEqualTo("WORKSPACE_UNRESOLVED");
            assertThat(reason.getField()).isEqualTo("workspace.base (line 4)");
        });
    }
}
