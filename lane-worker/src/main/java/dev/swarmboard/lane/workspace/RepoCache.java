package dev.swarmboard.lane.workspace;

import dev.swarmboard.codec.ContentHash;
import dev.swarmboard.git.GitCli;
import dev.swarmboard.git.GitCli.GitResult;
import dev.swarmboard.schema.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One worker's cache of the repositories its lanes work on: a bare clone per repository, cloned once
 * and fetched only when a pinned commit is missing. Checkouts are made from it, never from the user's
 * repository directly, and never share a folder. Lanes of one repository take turns on its cache.
 */
public final class RepoCache {

    private final LaneDirs dirs;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public RepoCache(LaneDirs dirs) {
        this.dirs = dirs;
    }

    /** A fresh checkout of the workspace's pinned commit, or why the commit cannot be had. */
    public Opened checkout(Workspace workspace, String missionId, String laneId, int attempt) {
        if (!GitCli.OBJECT_ID.matcher(workspace.getBase()).matches() || workspace.getRepo().startsWith("-")) {
            return new Opened(Optional.empty(), "the workspace is not pinned: base '" + workspace.getBase()
                    + "' is not a full commit id or the repository '" + workspace.getRepo() + "' is not a location");
        }
        Path bare = dirs.cache().resolve(key(workspace.getRepo()) + ".git");
        synchronized (locks.computeIfAbsent(bare.toString(), ignored -> new Object())) {
            Optional<String> missing = ensureCommit(workspace, bare);
            if (missing.isPresent()) {
                return new Opened(Optional.empty(), missing.get());
            }
            Path dir = dirs.freshCheckout(missionId, laneId, attempt);
            GitResult clone = GitCli.run(dir, "clone", "-q", "--shared", "--no-checkout", bare.toString(), ".");
            GitResult checkout = clone.ok() ? GitCli.run(dir, "checkout", "-q", "--detach", workspace.getBase())
                    : clone;
            if (!checkout.ok()) {
                LaneDirs.remove(dir);
                return new Opened(Optional.empty(), "cannot check out " + workspace.getBase() + ": " + checkout.why());
            }
            return new Opened(Optional.of(new Checkout(dir)), "");
        }
    }

    private static Optional<String> ensureCommit(Workspace workspace, Path bare) {
        if (!Files.isDirectory(bare)) {
            GitResult clone = GitCli.run(bare.getParent(), "clone", "-q", "--bare", "--", workspace.getRepo(),
                    bare.getFileName().toString());
            if (!clone.ok()) {
                return Optional.of("cannot clone " + workspace.getRepo() + ": " + clone.why());
            }
        }
        if (hasCommit(bare, workspace.getBase())) {
            return Optional.empty();
        }
        GitCli.run(bare, "fetch", "-q", "origin", "+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*");
        if (!hasCommit(bare, workspace.getBase())) {
            GitCli.run(bare, "fetch", "-q", "origin", workspace.getBase());
        }
        return hasCommit(bare, workspace.getBase()) ? Optional.empty()
                : Optional.of("commit " + workspace.getBase() + " is not in " + workspace.getRepo());
    }

    private static boolean hasCommit(Path bare, String commit) {
        return GitCli.run(bare, "cat-file", "-e", commit + "^{commit}").ok();
    }

    private static String key(String repo) {
        return ContentHash.sha256Hex(repo.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** A checkout, or why there is none. */
    public record Opened(Optional<Checkout> checkout, String problem) {
    }
}
