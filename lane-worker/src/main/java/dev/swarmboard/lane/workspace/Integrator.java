package dev.swarmboard.lane.workspace;

import dev.swarmboard.change.LaneChange;
import dev.swarmboard.codec.ContentHash;
import dev.swarmboard.git.GitCli.GitResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Combines lanes' net changes on a checkout of the base, one commit per lane in the order given (plan
 * order, canary first). Each diff is applied with a three-way fallback against the blobs its header
 * names, so disjoint changes whose context lines moved still apply; a diff that does not apply stops
 * the combination and names the lane and git's reason. No model, no tool.
 */
public final class Integrator {

    private Integrator() {
    }

    /** A lane whose change did not apply on top of the earlier ones. */
    public record Refused(String laneId, String reason) {
    }

    /** The combined tree: the base's tree, its id, the diff from the base and that diff's SHA-256. */
    public record Combined(String baseTreeId, String treeId, String diff, String diffHash) {
    }

    /** Applies each change in order and commits it; the first refusal, else empty. */
    public static Optional<Refused> combine(Checkout checkout, List<LaneChange> changes) {
        for (LaneChange change : changes) {
            if (change.diff().isEmpty()) {
                continue;
            }
            GitResult applied = checkout.tryGit(change.diff(), "apply", "--index", "--3way", "--whitespace=nowarn", "-");
            if (!applied.ok()) {
                checkout.git("reset", "-q", "--hard", "HEAD");
                return Optional.of(new Refused(change.laneId(), applied.why()));
            }
            checkout.git("commit", "-q", "--allow-empty", "-m", "integrate lane " + change.laneId());
        }
        return Optional.empty();
    }

    /** The checkout's tree and its normalized diff from {@code baseCommit}. */
    public static Combined combined(Checkout checkout, String baseCommit) {
        String diff = checkout.git(NormalizedDiff.args(baseCommit, "HEAD")).stdout();
        return new Combined(checkout.git("rev-parse", baseCommit + "^{tree}").firstLine(), checkout.treeId(), diff, ContentHash.sha256Hex(diff.getBytes(StandardCharsets.UTF_8)));
    }
}
