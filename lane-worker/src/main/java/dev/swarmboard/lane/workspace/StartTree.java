package dev.swarmboard.lane.workspace;

import dev.swarmboard.git.GitCli.GitResult;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds where a dependent lane's checkout starts: on the base commit, each predecessor's receipted net
 * change in plan (topological) order, one commit each. A change whose recorded start tree is the
 * checkout's tree is applied exactly and must give its recorded final tree; a change that starts from
 * fewer predecessors than already applied (a lane after several independent ones) is merged three-way.
 * A change that does not apply, or a tree that does not come out, is the problem returned: the start
 * cannot be reproduced and the lane must not run.
 */
public final class StartTree {

    private StartTree() {
    }

    /** One predecessor attempt's net change: from {@code startTreeId} to {@code treeId}. */
    public record Step(String laneId, int attempt, String startTreeId, String treeId, String diff) {

        String describe() {
            return "lane " + laneId + " attempt " + attempt;
        }
    }

    /**
     * Applies the steps onto the checkout; the problem, or empty when every step applied and every
     * checked tree came out. {@code expectedTreeId} (non-empty) is the tree the whole start must be: the
     * only direct predecessor's final tree.
     */
    public static Optional<String> rebuild(Checkout checkout, List<Step> steps, String expectedTreeId) {
        for (Step step : steps) {
            String before = checkout.treeId();
            boolean exact = before.equals(step.startTreeId());
            if (!step.diff().isEmpty()) {
                GitResult applied = exact
                        ? checkout.tryGit(step.diff(), "apply", "--index", "--binary", "--whitespace=nowarn", "-")
                        : checkout.tryGit(step.diff(), "apply", "--index", "--binary", "--3way", "--whitespace=nowarn",
                        "-");
                if (!applied.ok()) {
                    return Optional.of("the change of " + step.describe() + " does not apply on tree " + before + ": "
                            + applied.why());
                }
                checkout.git("commit", "-q", "--no-verify", "--allow-empty", "-m", "swarm: start from "
                        + step.describe());
            }
            if (exact && !checkout.treeId().equals(step.treeId())) {
                return Optional.of("re-applying the change of " + step.describe() + " gives tree " + checkout.treeId()
                        + ", its yield names " + step.treeId());
            }
        }
        if (!expectedTreeId.isEmpty() && !checkout.treeId().equals(expectedTreeId)) {
            return Optional.of("the predecessors' changes give tree " + checkout.treeId() + ", the task names "
                    + expectedTreeId);
        }
        return Optional.empty();
    }
}
