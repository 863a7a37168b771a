package dev.swarmboard.lane.workspace;

import dev.swarmboard.codec.ContentHash;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.event.LaneYielded;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A lane attempt's net change: the normalized diff from the base commit's tree to the checkout's tree,
 * the one fact the disruptor's overlap check and the integration step read. A net change over
 * {@link ChangeApplier#MAX_DIFF_BYTES} is not carried and fails the yield's {@value #CHECK} check.
 */
public record NetChange(String baseTreeId, String treeId, String diff, String diffHash) {

    public static final String CHECK = "change_size";

    /** The checkout's change against {@code baseCommit}. */
    public static NetChange of(Checkout checkout, String baseCommit) {
        String diff = checkout.git(NormalizedDiff.args(baseCommit, "HEAD")).stdout();
        return new NetChange(checkout.git("rev-parse", baseCommit + "^{tree}").firstLine(), checkout.treeId(), diff,
                ContentHash.sha256Hex(diff.getBytes(StandardCharsets.UTF_8)));
    }

    /** The yield with this change on it, or failed when the change is too large to carry. */
    public LaneYielded onto(LaneYielded yielded) {
        LaneYielded.Builder builder = LaneYielded.newBuilder(yielded).setBaseTreeId(baseTreeId).setTreeId(treeId);
        int bytes = diff.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= ChangeApplier.MAX_DIFF_BYTES) {
            return builder.setChangeDiff(diff).setChangeDiffHash(diffHash).build();
        }
        List<CheckResult> checks = new ArrayList<>(yielded.getChecks());
        checks.add(new CheckResult(CHECK, false, "the net change is " + bytes + " bytes, over the limit of "
                + ChangeApplier.MAX_DIFF_BYTES));
        return builder.setChecks(checks).setPassed(false).build();
    }
}
