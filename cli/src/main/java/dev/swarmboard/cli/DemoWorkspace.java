package dev.swarmboard.cli;

import dev.swarmboard.git.GitCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository the demo's workspace mission changes: a copy of the example project made a fresh git
 * repository inside the demo's data directory, with the mission file beside it (its {@code repo} is
 * {@code ../workspaces/<project>}), so the demo never touches the user's checkout.
 */
final class DemoWorkspace {

    private DemoWorkspace() {
    }

    /** Lays out {@code <dataDir>/workspace-<stamp>/{workspaces/<project>, missions/<mission>}}; the mission file. */
    static Path prepare(Path project, Path mission, Path dataDir, String stamp) {
        Path root = dataDir.toAbsolutePath().resolve("workspace-" + stamp);
        Path repo = root.resolve("workspaces").resolve(project.getFileName().toString());
        try {
            copy(project, repo);
            for (List<String> git : List.of(List.of("init", "-q"), List.of("add", "-A"),
                    List.of("commit", "-q", "-m", "textkit: the example project"))) {
                GitCli.GitResult result = GitCli.run(repo, git.toArray(String[]::new));
                if (!result.ok()) {
                    throw new IllegalStateException("git " + git.get(0) + " in " + repo + ": " + result.why());
                }
            }
            Path missionCopy = Files.createDirectories(root.resolve("missions")).resolve(mission.getFileName());
            Files.copy(mission, missionCopy);
            return missionCopy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the demo repository in " + root, e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(file -> !file.toString().contains("__pycache__")).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
