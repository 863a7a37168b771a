package dev.swarmboard.lane.run;

import dev.swarmboard.lane.stage.ResolvedStage;
import dev.swarmboard.lane.workspace.ChangeApplier;
import dev.swarmboard.lane.workspace.ChangeRequest;
import dev.swarmboard.lane.workspace.Checkout;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.ChangeApplied;
import dev.swarmboard.schema.event.StageCompleted;
import java.util.List;
import java.util.Optional;

/**
 * Applies a stage's change to the attempt's checkout and receipts it as {@link ChangeApplied}. A change
 * already receipted (a re-delivered attempt) is not applied from the artifact again: its receipted diff
 * is replayed onto the fresh checkout and must give the receipted tree, so a change is never applied
 * twice and never differently. A change that does not apply fails the lane with {@code CHANGE_REJECTED}.
 */
final class ChangeStep {

    static final String KIND = "change";

    private final LaneScope lane;
    private final Checkout checkout;

    ChangeStep(LaneScope lane, Checkout checkout) {
        this.lane = lane;
        this.checkout = checkout;
    }

    void run(ResolvedStage stage, BlackboardEvent artifactReceipt) throws LaneFailure {
        Optional<BlackboardEvent> receipted = lane.view().find(lane.events().id("ChangeApplied", stage.name(), KIND, 0));
        if (receipted.isPresent()) {
            Optional<String> diverged = ChangeApplier.replay(checkout, (ChangeApplied) receipted.get().getPayload());
            if (diverged.isPresent()) {
                throw LaneFailure.of(stage.name(), "CHECKOUT_DIVERGED", "stages." + stage.name() + ".change",
                        diverged.get(), List.of(receipted.get().getHeader().getEventId()));
            }
            return;
        }
        String output = ((StageCompleted) artifactReceipt.getPayload()).getOutput();
        ChangeRequest.Outcome read = ChangeRequest.read(output);
        ChangeApplier.Result result = read.rejection().isPresent()
                ? new ChangeApplier.Result(Optional.empty(), read.rejection())
                : ChangeApplier.apply(checkout, read.request().orElseThrow(), lane.task().getScope(), stage.name());
        if (result.rejection().isPresent()) {
            throw LaneFailure.of(stage.name(), "CHANGE_REJECTED", "stages." + stage.name() + "." + result.rejection()
                    .get().block(), "the change of stage " + stage.name() + " is rejected, nothing was applied: "
                    + result.rejection().get(), List.of(artifactReceipt.getHeader().getEventId()));
        }
        result.applied().ifPresent(applied ->
                lane.view().hold(lane.events().event(applied, stage.name(), KIND, 0)));
    }
}
