package dev.swarmboard.lane.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.git.GitCli;
import dev.swarmboard.schema.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Small real git repositories for tests: files committed on main, the workspace pinned to that commit. */
public final class TestRepos {

    private TestRepos() {
    }

    /** A repository at {@code dir} with these files in one commit; returns the pinned workspace. */
    public static Workspace create(Path dir, Map<String, String> files) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        assertThat(GitCli.run(dir, "init", "-q").ok()).isTrue();
        assertThat(GitCli.run(dir, "add", "-A").ok()).isTrue();
        assertThat(GitCli.run(dir, "commit", "-q", "-m", "base").ok()).isTrue();
        String head = GitCli.run(dir, "rev-parse", "HEAD").firstLine();
        return Workspace.newBuilder().setRepo(dir.toString()).setBase(head).setBaseRef("main")
                .setTests(List.of()).setTestPaths(List.of("tests/**")).build();
    }

    /** A checkout of the workspace through a worker cache under {@code root}. */
    public static Checkout checkout(Path root, Workspace workspace) {
        return new RepoCache(new LaneDirs(root, "test-worker")).checkout(workspace, "m", "l", 1).checkout()
                .orElseThrow();
    }
}
