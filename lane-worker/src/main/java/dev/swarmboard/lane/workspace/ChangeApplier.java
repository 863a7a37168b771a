package dev.swarmboard.lane.workspace;

import dev.swarmboard.codec.ContentHash;
import dev.swarmboard.git.GitCli.GitResult;
import dev.swarmboard.lane.workspace.ChangeRequest.Rejection;
import dev.swarmboard.schema.event.ChangeApplied;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a stage's change to a checkout, all or nothing. Every block is checked before any file is
 * written: a path that is malformed, outside the lane's scope, through a symbolic link or inside
 * {@code .git}; a search text found no time or several times; a diff {@code git apply --check}
 * refuses. Then the change is committed and described by a {@link ChangeApplied}: parent and new tree,
 * per-file counts, the normalized diff and its SHA-256. A diff over {@value #MAX_DIFF_BYTES} bytes is
 * rejected and the checkout reset, so no receipt exceeds a Kafka record.
 */
public final class ChangeApplier {

    public static final int MAX_DIFF_BYTES = 262_144;

    private ChangeApplier() {
    }

    /** What applying did: the receipt of an applied change, nothing (an empty request), or the rejection. */
    public record Result(Optional<ChangeApplied> applied, Optional<Rejection> rejection) {
        static Result rejected(String block, String reason) {
            return new Result(Optional.empty(), Optional.of(new Rejection(block, reason)));
        }
    }

    public static Result apply(Checkout checkout, ChangeRequest request, List<String> scope, String stage) {
        if (request.isEmpty()) {
            return new Result(Optional.empty(), Optional.empty());
        }
        String parentCommit = checkout.head();
        String parentTree = checkout.treeId();
        Optional<Rejection> refused = request.diff().isBlank() ? writeEdits(checkout, request.edits(), scope)
                : applyDiff(checkout, request.diff(), scope);
        if (refused.isPresent()) {
            checkout.git("reset", "-q", "--hard", parentCommit);
            checkout.git("clean", "-q", "-fdx");
            return new Result(Optional.empty(), refused);
        }
        // only what the change names is staged: files a tool left behind (caches, reports) never enter the tree
        List<String> add = new java.util.ArrayList<>(List.of("add", "-A", "--"));
        add.addAll(touched(checkout, request));
        checkout.git(add.toArray(String[]::new));
        if (checkout.tryGit(null, "diff", "--cached", "--quiet").ok()) {
            return Result.rejected(request.diff().isBlank() ? "changes" : "diff", "the change leaves every file as it was");
        }
        checkout.git("commit", "-q", "--no-verify", "-m", "swarm: stage " + stage);
        String diff = checkout.git(NormalizedDiff.args(parentCommit, "HEAD")).stdout();
        if (diff.getBytes(StandardCharsets.UTF_8).length > MAX_DIFF_BYTES) {
            checkout.git("reset", "-q", "--hard", parentCommit);
            return Result.rejected("diff", "the change's diff is " + diff.getBytes(StandardCharsets.UTF_8).length
                    + " bytes, over the cap of " + MAX_DIFF_BYTES);
        }
        return new Result(Optional.of(ChangeApplied.newBuilder()
                .setStage(stage)
                .setParentTreeId(parentTree)
                .setTreeId(checkout.treeId())
                .setFiles(NormalizedDiff.files(checkout, parentCommit, "HEAD"))
                .setDiff(diff)
                .setDiffHash(ContentHash.sha256Hex(diff.getBytes(StandardCharsets.UTF_8)))
                .build()), Optional.empty());
    }

    private static List<String> touched(Checkout checkout, ChangeRequest request) {
        if (request.diff().isBlank()) {
            return request.edits().stream().map(Edit::path).distinct().toList();
        }
        String text = request.diff().endsWith("\n") ? request.diff() : request.diff() + "\n";
        return NormalizedDiff.numstatPaths(checkout.tryGit(text, "apply", "--numstat", "-z", "-R", "-").stdout());
    }

    /** Re-applies a receipted change (a resumed attempt) and checks it gives the receipted tree. */
    public static Optional<String> replay(Checkout checkout, ChangeApplied receipt) {
        if (!checkout.treeId().equals(receipt.getParentTreeId())) {
            return Optional.of("the checkout is at tree " + checkout.treeId() + ", the receipt's parent is "
                    + receipt.getParentTreeId());
        }
        GitResult applied = checkout.tryGit(receipt.getDiff(), "apply", "--index", "--binary", "-");
        if (!applied.ok()) {
            return Optional.of("the receipted diff does not apply: " + applied.why());
        }
        checkout.git("commit", "-q", "--no-verify", "-m", "swarm: stage " + receipt.getStage());
        return checkout.treeId().equals(receipt.getTreeId()) ? Optional.empty()
                : Optional.of("re-applying gives tree " + checkout.treeId() + ", the receipt names " + receipt.getTreeId());
    }

    private static Optional<Rejection> writeEdits(Checkout checkout, List<Edit> edits, List<String> scope) {
        Map<String, Optional<String>> pending = new LinkedHashMap<>();
        for (int i = 0; i < edits.size(); i++) {
            Edit edit = edits.get(i);
            String block = "changes[" + i + "]";
            Optional<String> refused = PathGuard.check(checkout.dir(), edit.path(), scope);
            if (refused.isPresent()) {
                return Optional.of(new Rejection(block, refused.get()));
            }
            Optional<String> current = pending.containsKey(edit.path()) ? pending.get(edit.path())
                    : read(checkout.dir().resolve(edit.path()));
            if (edit instanceof Edit.Write write) {
                pending.put(edit.path(), Optional.of(write.content()));
            } else if (edit instanceof Edit.Delete && current.isEmpty()) {
                return Optional.of(new Rejection(block, "cannot delete " + edit.path() + ": no such file"));
            } else if (edit instanceof Edit.Delete) {
                pending.put(edit.path(), Optional.empty());
            } else if (edit instanceof Edit.Replace replace) {
                Optional<String> replaced = replaceOnce(current, replace);
                if (replaced.isEmpty() || current.isEmpty()) {
                    return Optional.of(new Rejection(block, current.isEmpty()
                            ? "no text file " + replace.path() + " to search" : searchProblem(current.get(), replace)));
                }
                pending.put(edit.path(), replaced);
            }
        }
        pending.forEach((path, content) -> write(checkout.dir().resolve(path), content));
        return Optional.empty();
    }

    private static Optional<Rejection> applyDiff(Checkout checkout, String diff, List<String> scope) {
        String text = diff.endsWith("\n") ? diff : diff + "\n";
        GitResult numstat = checkout.tryGit(text, "apply", "--numstat", "-z", "-");
        if (!numstat.ok()) {
            return Optional.of(new Rejection("diff", "not a unified diff git can read: " + numstat.why()));
        }
        for (String path : NormalizedDiff.numstatPaths(numstat.stdout())) {
            Optional<String> refused = PathGuard.check(checkout.dir(), path, scope);
            if (refused.isPresent()) {
                return Optional.of(new Rejection("diff", refused.get()));
            }
        }
        GitResult check = checkout.tryGit(text, "apply", "--check", "-");
        if (!check.ok()) {
            return Optional.of(new Rejection("diff", "does not apply: " + check.why()));
        }
        checkout.tryGit(text, "apply", "-");
        return Optional.empty();
    }

    private static Optional<String> replaceOnce(Optional<String> current, Edit.Replace replace) {
        return current.filter(text -> occurrences(text, replace.search()) == 1)
                .map(text -> text.replace(replace.search(), replace.replace()));
    }

    private static String searchProblem(String text, Edit.Replace replace) {
        int count = occurrences(text, replace.search());
        return count == 0 ? "the search text does not occur in " + replace.path()
                : "the search text occurs " + count + " times in " + replace.path() + " (must be once)";
    }

    private static int occurrences(String text, String search) {
        int count = 0;
        for (int at = text.indexOf(search); at >= 0; at = text.indexOf(search, at + 1)) {
            count++;
        }
        return count;
    }

    private static Optional<String> read(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, Optional<String> content) {
        try {
            if (content.isEmpty()) {
                Files.delete(file);
            } else {
                Files.createDirectories(file.getParent());
                Files.writeString(file, content.get(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
