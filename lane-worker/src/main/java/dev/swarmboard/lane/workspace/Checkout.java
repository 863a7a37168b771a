package dev.swarmboard.lane.workspace;

import dev.swarmboard.git.GitCli;
import dev.swarmboard.git.GitCli.GitResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One attempt's checkout of the pinned commit: a private clone whose HEAD moves one commit per applied
 * change. Its tree id is what receipts name. Closing removes the folder.
 */
public final class Checkout implements AutoCloseable {

    private final Path dir;

    Checkout(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The tree id of HEAD: the state every tool run and change receipt names. */
    public String treeId() {
        return git("rev-parse", "HEAD^{tree}").firstLine();
    }

    /** The commit id of HEAD. */
    public String head() {
        return git("rev-parse", "HEAD").firstLine();
    }

    /** Every file of HEAD's tree, in path order. */
    public List<RepoFile> files() {
        List<RepoFile> files = new ArrayList<>();
        for (String entry : git("ls-tree", "-r", "-z", "--full-tree", "HEAD").stdout().split("\0")) {
            if (entry.isEmpty()) {
                continue;
            }
            String[] meta = entry.substring(0, entry.indexOf('\t')).split(" ");
            files.add(new RepoFile(entry.substring(entry.indexOf('\t') + 1), meta[0], meta[2]));
        }
        return files;
    }

    /** Runs git in the checkout; a failure is unexpected here and is thrown. */
    GitResult git(String... args) {
        GitResult result = GitCli.run(dir, args);
        if (!result.ok()) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed in " + dir + ": " + result.why());
        }
        return result;
    }

    /** Runs git in the checkout, returning the outcome whatever it is. */
    GitResult tryGit(String stdin, String... args) {
        return GitCli.withInput(dir, stdin, args);
    }

    @Override
    public void close() {
        LaneDirs.remove(dir);
    }

    /** A file of the tree: path, mode ({@code 100644}, {@code 120000} for a symbolic link) and blob id. */
    public record RepoFile(String path, String mode, String blobId) {

        public boolean symlink() {
            return "120000".equals(mode);
        }

        public boolean submodule() {
            return "160000".equals(mode);
        }
    }
}
