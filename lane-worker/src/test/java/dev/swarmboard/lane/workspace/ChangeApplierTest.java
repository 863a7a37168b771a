package dev.swarmboard.lane.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.schema.Workspace;
import dev.swarmboard.schema.event.ChangeApplied;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeApplierTest {

    private static final List<String> SCOPE = List.of("src/", "tests/test_slug.py");

    @TempDir
    Path dir;
    private Checkout checkout;

    @BeforeEach
    void checkOut() throws IOException {
        Workspace workspace = TestRepos.create(dir.resolve("repo"), Map.of(
                "src/slug.py", "def slug(text):\n    return text.lower()\n",
                "tests/test_slug.py", "import unittest\n",
                "README.md", "readme\n"));
        checkout = TestRepos.checkout(dir.resolve("lanes"), workspace);
    }

    @AfterEach
    void close() {
        checkout.close();
    }

    private ChangeApplier.Result apply(String artifact) {
        ChangeRequest.Outcome read = ChangeRequest.read(artifact);
        assertThat(read.rejection()).isEmpty();
        return ChangeApplier.apply(checkout, read.request().orElseThrow(), SCOPE, "green");
    }

    private void assertRejected(String artifact, String block, String reasonPart) {
        String before = checkout.treeId();
        ChangeApplier.Result result = apply(artifact);
        assertThat(result.applied()).isEmpty();
        assertThat(result.rejection()).hasValueSatisfying(rejection -> {
            assertThat(rejection.block()).isEqualTo(block);
            assertThat(rejection.reason()).contains(reasonPart);
        });
        assertThat(checkout.treeId()).isEqualTo(before);
        assertThat(checkout.tryGit(null, "status", "--porcelain").stdout()).isEmpty();
    }

    @Test
    void shouldApplySearchReplaceWriteAndDeleteAsOneReceiptedCommit() {
        // Given a change with all three kinds of block
        String before = checkout.treeId();
        ChangeApplier.Result result = apply("""
                green_change:
                  changes:
                    - {path: src/slug.py, search: "text.lower()", replace: "text.strip().lower()"}
                    - {path: src/new.py, content: "X = 1\\n"}
                    - {path: tests/test_slug.py, delete: true}
                """);

        // Then it is committed and described: trees, per-file counts, normalized diff and its hash
        ChangeApplied applied = result.applied().orElseThrow();
        assertThat(applied.getParentTreeId()).isEqualTo(before);
        assertThat(applied.getTreeId()).isEqualTo(checkout.treeId()).isNotEqualTo(before);
        assertThat(applied.getFiles()).extracting(file -> file.getPath() + " +" + file.getAdded() + " -"
                + file.getRemoved() + " " + file.getStatus())
                .containsExactly("src/new.py +1 -0 ADDED", "src/slug.py +1 -1 MODIFIED",
                        "tests/test_slug.py +0 -1 DELETED");
        assertThat(applied.getDiff()).contains("-    return text.lower()", "+    return text.strip().lower()");
        assertThat(applied.getDiffHash()).matches("[0-9a-f]{64}");
    }

    @Test
    void shouldApplyAUnifiedDiff() throws IOException {
        ChangeApplier.Result result = apply("""
                green_change:
                  diff: |
                    --- a/src/slug.py
                    +++ b/src/slug.py
                    @@ -1,2 +1,2 @@
                     def slug(text):
                    -    return text.lower()
                    +    return text.lower().replace(" ", "-")
                """);

        assertThat(result.applied()).isPresent();
        assertThat(Files.readString(checkout.dir().resolve("src/slug.py"))).contains("replace(\" \", \"-\")");
    }

    @Test
    void shouldRejectASearchTextThatIsMissingOrRepeated() {
        assertRejected("c: {changes: [{path: src/slug.py, search: nothing-like-this, replace: x}]}",
                "changes[0]", "does not occur");
        assertRejected("c: {changes: [{path: src/slug.py, search: \"t\", replace: x}]}", "changes[0]",
                "times in src/slug.py");
    }

    @Test
    void shouldRejectPathsOutsideScopeRepositoryOrInsideGitAndApplyNothing() {
        // Given a first valid block, so "nothing applied" is visible
        String valid = "{path: src/new.py, content: \"x\\n\"}";
        assertRejected("c: {changes: [" + valid + ", {path: README.md, content: x}]}", "changes[1]",
                "outside the lane's scope");
        assertRejected("c: {changes: [" + valid + ", {path: src/../../etc/passwd, content: x}]}", "changes[1]",
                "leaves the repository");
        assertRejected("c: {changes: [{path: /etc/passwd, content: x}]}", "changes[0]", "absolute");
        assertRejected("c: {changes: [{path: src/.git/config, content: x}]}", "changes[0]", "inside .git");
        assertThat(checkout.dir().resolve("src/new.py")).doesNotExist();
    }

    @Test
    void shouldRejectAWriteThroughASymbolicLink() throws IOException {
        // Given a link inside the scope pointing out of the checkout
        Files.createSymbolicLink(checkout.dir().resolve("src/out"), dir);
        assertRejected("c: {changes: [{path: src/out/evil.py, content: x}]}", "changes[0]", "symbolic link");
        assertThat(dir.resolve("evil.py")).doesNotExist();
    }

    @Test
    void shouldRejectADiffThatDoesNotApplyOrLeavesTheScope() {
        assertRejected("""
                c:
                  diff: |
                    --- a/src/slug.py
                    +++ b/src/slug.py
                    @@ -1,2 +1,2 @@
                     def other(text):
                    -    return 1
                    +    return 2
                """, "diff", "does not apply");
        assertRejected("""
                c:
                  diff: |
                    --- a/README.md
                    +++ b/README.md
                    @@ -1 +1 @@
                    -readme
                    +changed
                """, "diff", "outside the lane's scope");
    }

    @Test
    void shouldRejectMalformedBlocksWhenReading() {
        assertThat(ChangeRequest.read("c: {changes: [{path: a, search: x}]}").rejection())
                .hasValueSatisfying(rejection -> assertThat(rejection.toString()).startsWith("changes[0]: keys"));
        assertThat(ChangeRequest.read("c: {changes: [], diff: x}").rejection()).isPresent();
        assertThat(ChangeRequest.read("c: {summary: no edits}").request().orElseThrow().isEmpty()).isTrue();
    }

    @Test
    void shouldReplayAReceiptedChangeToTheSameTree() throws IOException {
        // Given a change applied in one checkout
        ChangeApplied applied = apply("c: {changes: [{path: src/new.py, content: \"x\\n\"}]}").applied().orElseThrow();

        // When a fresh checkout of the same base re-applies the receipt
        Workspace again = Workspace.newBuilder().setRepo(dir.resolve("repo").toString())
                .setBase(checkout.tryGit(null, "rev-parse", "HEAD~1").firstLine()).build();
        try (Checkout fresh = TestRepos.checkout(dir.resolve("lanes2"), again)) {
            // Then it reaches the receipted tree, and a forged receipt is refused
            assertThat(ChangeApplier.replay(fresh, applied)).isEmpty();
            assertThat(fresh.treeId()).isEqualTo(applied.getTreeId());
            assertThat(ChangeApplier.replay(fresh, applied)).hasValueSatisfying(problem ->
                    assertThat(problem).contains("receipt's parent"));
        }
    }
}
