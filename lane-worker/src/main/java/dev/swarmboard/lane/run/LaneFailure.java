package dev.swarmboard.lane.run;

import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.event.BudgetExceeded;
import java.util.List;
import java.util.Optional;

/**
 * A lane attempt cannot go on: the stage and reasons for its LaneFailed, and the BudgetExceeded to write
 * first when a budget stopped it. Thrown from deep in a stage, caught once by the lane runner.
 */
public final class LaneFailure extends Exception {

    private final String stage;
    private final List<Reason> reasons;
    private final transient BudgetExceeded budget;

    private LaneFailure(String stage, List<Reason> reasons, BudgetExceeded budget) {
        super(stage + ": " + reasons.get(0).getMessage());
        this.stage = stage;
        this.reasons = List.copyOf(reasons);
        this.budget = budget;
    }

    public static LaneFailure of(String stage, String code, String field, String message, List<String> witnesses) {
        return new LaneFailure(stage, List.of(new Reason(code, field, message, witnesses)), null);
    }

    public static LaneFailure overBudget(BudgetExceeded exceeded) {
        String message = "stage " + exceeded.getStage() + " would exceed the " + exceeded.getBudget() + " budget: "
                + exceeded.getUsed() + " used + " + exceeded.getRequested() + " requested > " + exceeded.getLimit();
        return new LaneFailure(exceeded.getStage(), List.of(new Reason("BUDGET_EXCEEDED",
                "budget." + exceeded.getBudget().toLowerCase(), message, List.of())), exceeded);
    }

    public String stage() {
        return stage;
    }

    public List<Reason> reasons() {
        return reasons;
    }

    public Optional<BudgetExceeded> budget() {
        return Optional.ofNullable(budget);
    }
}
