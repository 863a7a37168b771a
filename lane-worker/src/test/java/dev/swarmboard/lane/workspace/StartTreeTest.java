package dev.swarmboard.lane.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.schema.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start of a lane after two independent lanes (a diamond): their changes merged onto the base. */
class StartTreeTest {

    private static final String FILE = "src/text.py";
    private static final String BASE = "first = 1\n" + "keep = 0\n".repeat(8) + "last = 1\n";

    @TempDir
    Path dir;
    private Workspace workspace;
    private RepoCache cache;

    @BeforeEach
    void repo() throws IOException {
        workspace = TestRepos.create(dir.resolve("repo"), Map.of(FILE, BASE));
        cache = new RepoCache(new LaneDirs(dir.resolve("lanes"), "test-worker"));
    }

    private Checkout checkout(String lane) {
        return cache.checkout(workspace, "m", lane, 1).checkout().orElseThrow();
    }

    /** A predecessor lane's net change from the base: {@code search} replaced by {@code replace} in the file. */
    private StartTree.Step change(String lane, String search, String replace) throws IOException {
        try (Checkout checkout = checkout(lane)) {
            Path file = checkout.dir().resolve(FILE);
            Files.writeString(file, Files.readString(file).replace(search, replace));
            checkout.git("commit", "-q", "-a", "-m", lane);
            NetChange net = NetChange.of(checkout, workspace.getBase());
            return new StartTree.Step(lane, 1, net.baseTreeId(), net.treeId(), net.diff());
        }
    }

    @Test
    void shouldMergeTwoIndependentPredecessorsThatChangeOtherLines() throws IOException {
        // Given lanes a and b, both from the base, changing the first and the last line of one file
        List<StartTree.Step> steps = List.of(change("a", "first = 1", "first = 2"), change("b", "last = 1", "last = 2"));

        // When lane c (after a and b) rebuilds its start
        try (Checkout c = checkout("c")) {
            String base = c.treeId();

            // Then both changes are in its checkout, one commit each, and the tree is neither predecessor's
            assertThat(StartTree.rebuild(c, steps, "")).isEmpty();
            assertThat(Files.readString(c.dir().resolve(FILE)))
                    .startsWith("first = 2\n").endsWith("last = 2\n").contains("keep = 0\n".repeat(8));
            assertThat(c.treeId()).isNotIn(base, steps.get(0).treeId(), steps.get(1).treeId());
            assertThat(c.git("rev-list", "--count", workspace.getBase() + "..HEAD").firstLine()).isEqualTo("2");
        }
    }

    @Test
    void shouldRefuseTwoIndependentPredecessorsThatChangeTheSameLine() throws IOException {
        // Given lanes a and b both rewriting the first line
        List<StartTree.Step> steps = List.of(change("a", "first = 1", "first = 2"), change("b", "first = 1", "first = 3"));

        // When lane c rebuilds its start, then b's change is the problem, named with its lane
        try (Checkout c = checkout("c")) {
            assertThat(StartTree.rebuild(c, steps, "")).hasValueSatisfying(problem ->
                    assertThat(problem).contains("the change of lane b attempt 1 does not apply on tree"));
        }
    }

    @Test
    void shouldRefuseAStartThatDoesNotComeOutAsTheTaskNamesIt() throws IOException {
        // Given one predecessor whose change re-applies, but a task naming another tree
        List<StartTree.Step> steps = List.of(change("a", "first = 1", "first = 2"));

        // When lane c rebuilds its start, then the mismatch is named with both trees
        try (Checkout c = checkout("c")) {
            assertThat(StartTree.rebuild(c, steps, workspace.getBase())).hasValueSatisfying(problem ->
                    assertThat(problem).contains("the predecessors' changes give tree " + c.treeId(),
                            "the task names " + workspace.getBase()));
        }
    }
}
