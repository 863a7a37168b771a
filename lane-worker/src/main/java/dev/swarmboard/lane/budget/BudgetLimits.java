package dev.swarmboard.lane.budget;

import dev.swarmboard.schema.RunLane;

/** A mission's token and USD budgets as the plan states them; {@code null} means no limit. */
public record BudgetLimits(Long tokens, Double usd) {

    public static BudgetLimits of(RunLane task) {
        return new BudgetLimits(task.getTokenBudget(), task.getCostBudgetUsd());
    }

    /** Whether the plan sets neither budget, so no spend can exceed one. */
    public boolean unlimited() {
        return tokens == null && usd == null;
    }
}
