package dev.swarmboard.orchestrator.mission;

import dev.swarmboard.git.GitCli;
import dev.swarmboard.git.GitCli.GitResult;
import dev.swarmboard.orchestrator.validation.ReasonCode;
import dev.swarmboard.orchestrator.validation.Reasons;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Client side of {@code swarm submit}: resolves a mission's workspace to what the blackboard may hold —
 * a local repository as an absolute path (relative paths count from the mission file's folder) and the
 * base as a full commit id, never a moving branch. A repository or ref that cannot be resolved is a
 * {@code WORKSPACE_UNRESOLVED} reason. Only the client touches the repository; the orchestrator checks
 * the pinned form.
 */
public final class WorkspacePins {

    private WorkspacePins() {
    }

    /** The pinned workspace, or the reasons it cannot be pinned. */
    public static Pinned pin(Workspace workspace, Path missionDir) {
        try {
            return pinOrThrow(workspace, missionDir);
        } catch (java.io.IOException e) {
            return Pinned.failed(reason("workspace.repo", "cannot resolve " + workspace.getRepo() + ": " + e.getMessage()));
        }
    }

    private static Pinned pinOrThrow(Workspace workspace, Path missionDir) throws java.io.IOException {
        String repo = workspace.getRepo();
        if (repo.isBlank()) {
            return Pinned.failed(reason("workspace.repo", "the workspace names no repository"));
        }
        if (GitCli.isUrl(repo)) {
            return remote(workspace);
        }
        Path path = missionDir.resolve(repo).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            return Pinned.failed(reason("workspace.repo", "no folder " + path));
        }
        GitResult commit = GitCli.run(path, "rev-parse", "--verify", "--quiet", workspace.getBase() + "^{commit}");
        GitResult top = GitCli.run(path, "rev-parse", "--show-toplevel");
        if (!top.ok() || !Path.of(top.firstLine()).toAbsolutePath().normalize().equals(path.toRealPath())) {
            return Pinned.failed(reason("workspace.repo", path + " is not the top folder of a git repository"));
        }
        if (!commit.ok() || !GitCli.OBJECT_ID.matcher(commit.firstLine()).matches()) {
            return Pinned.failed(reason("workspace.base", "'" + workspace.getBase() + "' names no commit in " + path));
        }
        return Pinned.of(Workspace.newBuilder(workspace).setRepo(path.toString()).setBase(commit.firstLine()).build());
    }

    private static Pinned remote(Workspace workspace) {
        if (GitCli.OBJECT_ID.matcher(workspace.getBase()).matches()) {
            return Pinned.of(workspace);
        }
        GitResult refs = GitCli.run(Path.of(System.getProperty("java.io.tmpdir")), "ls-remote", "--",
                workspace.getRepo(), workspace.getBase());
        if (!refs.ok()) {
            return Pinned.failed(reason("workspace.repo", "cannot list " + workspace.getRepo() + ": " + refs.why()));
        }
        String id = refs.firstLine().split("\\s+")[0];
        if (!GitCli.OBJECT_ID.matcher(id).matches()) {
            return Pinned.failed(reason("workspace.base", "'" + workspace.getBase() + "' names no branch or tag of "
                    + workspace.getRepo() + " (give a full commit id to use another commit)"));
        }
        return Pinned.of(Workspace.newBuilder(workspace).setBase(id).build());
    }

    private static Reason reason(String field, String message) {
        return Reasons.of(ReasonCode.WORKSPACE_UNRESOLVED, field, message);
    }

    /** A pinned workspace or the reasons there is none. */
    public record Pinned(Optional<Workspace> workspace, List<Reason> reasons) {

        static Pinned of(Workspace workspace) {
            return new Pinned(Optional.of(workspace), List.of());
        }

        static Pinned failed(Reason reason) {
            return new Pinned(Optional.empty(), List.of(reason));
        }
    }
}
