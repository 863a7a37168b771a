package dev.swarmboard.digest.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.git.GitCli;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.IntegrationCompleted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryTest {

    @TempDir
    Path dir;
    private Path repo;
    private String base;
    private BlackboardEvent integration;

    @BeforeEach
    void repository() throws IOException {
        // a user's repository on main with uncommitted work, and an integrated change made elsewhere
        repo = Files.createDirectories(dir.resolve("repo"));
        git(repo, "init", "-q");
        Files.writeString(repo.resolve("a.txt"), "one\ntwo\nthree\n");
        git(repo, "add", "a.txt");
        git(repo, "commit", "-q", "-m", "base");
        base = git(repo, "rev-parse", "HEAD");
        Path work = dir.resolve("work");
        git(dir, "clone", "-q", repo.toString(), work.toString());
        Files.writeString(work.resolve("a.txt"), "one\nTWO\nthree\n");
        Files.writeString(work.resolve("b.txt"), "new\n");
        git(work, "add", "-A");
        git(work, "commit", "-q", "-m", "lanes");
        String diff = GitCli.run(work, "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--full-index",
                "--binary", "--no-renames", "--src-prefix=a/", "--dst-prefix=b/", base, "HEAD").stdout();
        IntegrationCompleted completed = IntegrationCompleted.newBuilder().setRound(1).setVerdictEventId("v")
                .setBaseCommit(base).setBaseTreeId(git(repo, "rev-parse", "HEAD^{tree}"))
                .setTreeId(git(work, "rev-parse", "HEAD^{tree}")).setLanes(List.of("a", "b")).setDiff(diff)
                .setDiffHash("h").build();
        integration = Events.create("i-1", EventOrigin.mission("m-1", "lane-worker"), completed,
                Instant.parse("2030-01-01T00:00:00Z"));
        Files.writeString(repo.resolve("a.txt"), "uncommitted\n");
    }

    @Test
    void shouldCreateTheBranchAtTheIntegratedTreeWithoutTouchingTheCheckedOutBranch() throws IOException {
        // When the integration is delivered
        Delivery.Delivered delivered = Delivery.deliver(integration, repo.toString(), dir.resolve("out/m-1.patch"));

        // Then swarm/m-1 points at a child of the base whose tree is the integrated tree
        assertThat(delivered.branch()).contains("swarm/m-1");
        IntegrationCompleted completed = (IntegrationCompleted) integration.getPayload();
        assertThat(git(repo, "rev-parse", "swarm/m-1^{tree}")).isEqualTo(completed.getTreeId());
        assertThat(git(repo, "rev-parse", "swarm/m-1^")).isEqualTo(base);
        assertThat(git(repo, "rev-parse", "swarm/m-1")).isEqualTo(delivered.commit());

        // And the user's branch, index and working tree are as they were
        assertThat(git(repo, "rev-parse", "HEAD")).isEqualTo(base);
        assertThat(git(repo, "symbolic-ref", "--short", "HEAD")).isIn("main", "master");
        assertThat(Files.readString(repo.resolve("a.txt"))).isEqualTo("uncommitted\n");
        assertThat(git(repo, "diff", "--cached", "--name-only")).isEmpty();

        // And the patch applies with git am onto the base, giving the same tree
        Path other = dir.resolve("other");
        git(dir, "clone", "-q", repo.toString(), other.toString());
        git(other, "checkout", "-q", "--detach", base);
        git(other, "am", "-q", dir.resolve("out/m-1.patch").toString());
        assertThat(git(other, "rev-parse", "HEAD^{tree}")).isEqualTo(completed.getTreeId());
    }

    @Test
    void shouldNeverOverwriteAnExistingBranchAndStillWriteThePatch() throws IOException {
        // Given a branch swarm/m-1 already at the base
        git(repo, "branch", "swarm/m-1", base);

        // When the integration is delivered
        Delivery.Delivered delivered = Delivery.deliver(integration, repo.toString(), dir.resolve("m-1.patch"));

        // Then the branch is untouched, the problem says why, and the patch is written
        assertThat(delivered.branch()).isEmpty();
        assertThat(delivered.problem()).startsWith("branch swarm/m-1 already exists in").contains("never overwritten");
        assertThat(git(repo, "rev-parse", "swarm/m-1")).isEqualTo(base);
        assertThat(Files.readString(dir.resolve("m-1.patch"))).contains("+TWO", "b.txt");
    }

    @Test
    void shouldRefuseABranchWhenTheRecreatedTreeIsNotTheIntegratedOne() throws IOException {
        // Given an integration whose recorded tree id is not what its diff gives
        IntegrationCompleted forged = IntegrationCompleted.newBuilder((IntegrationCompleted) integration.getPayload())
                .setTreeId("f".repeat(40)).build();
        BlackboardEvent event = Events.create("i-2", EventOrigin.mission("m-2", "lane-worker"), forged,
                Instant.parse("2030-01-01T00:00:00Z"));

        // When delivered, Then no branch, and the reason names both trees
        Delivery.Delivered delivered = Delivery.deliver(event, repo.toString(), dir.resolve("m-2.patch"));
        assertThat(delivered.branch()).isEmpty();
        assertThat(delivered.problem()).contains("is not the integrated tree " + "f".repeat(40));
        assertThat(GitCli.run(repo, "rev-parse", "-q", "--verify", "refs/heads/swarm/m-2").ok()).isFalse();
    }

    private static String git(Path dir, String... args) {
        GitCli.GitResult result = GitCli.run(dir, args);
        assertThat(result.ok()).as("git %s: %s", String.join(" ", args), result.stderr()).isTrue();
        return result.stdout().strip();
    }
}
