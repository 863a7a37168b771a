package dev.swarmboard.verifier.quorum;

import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.StagePlan;
import dev.swarmboard.schema.Vote;
import dev.swarmboard.schema.event.LaneYielded;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Policy and constraint safety: the mission stayed within its token and USD budgets and its
 * deadline; every lane used only the tools its plan allows, stayed inside its planned scope, and its
 * yield's tripwire checks all passed. A lane that failed outright fails here too.
 */
public final class Immunizer implements Validator {

    public static final String NAME = "immunizer";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Vote vote(RoundView round) {
        Ballot ballot = new Ballot(NAME);
        ballot.objectToDeadline(round);
        checkBudgets(round, ballot);
        round.outcomes().values().forEach(outcome -> checkLane(round, outcome, ballot));
        return ballot.vote();
    }

    private static void checkBudgets(RoundView round, Ballot ballot) {
        Plan plan = round.plan();
        long tokens = round.receipts().tokensUsed();
        if (plan.getTokenBudget() != null && tokens > plan.getTokenBudget()) {
            ballot.object("token budget exceeded: " + tokens + " used of " + plan.getTokenBudget());
        }
        double cost = round.receipts().costUsd();
        if (plan.getCostBudgetUsd() != null && cost > plan.getCostBudgetUsd()) {
            ballot.object(String.format(java.util.Locale.ROOT, "USD budget exceeded: %.6f used of %.6f",
                    cost, plan.getCostBudgetUsd()));
        }
    }

    private static void checkLane(RoundView round, LaneOutcome outcome, Ballot ballot) {
        String lane = outcome.laneId();
        outcome.failure().ifPresent(failed -> ballot.object(lane, outcome.describe() + ": lane failed: "
                + failed.getReasons().stream().map(Immunizer::describe).collect(Collectors.joining("; "))));
        outcome.yielded().ifPresent(yielded -> {
            checkTripwires(outcome, yielded, ballot);
            PlannedLane planned = round.plannedLane(lane).orElseThrow();
            checkTools(round, outcome, yielded, planned, ballot);
            checkScope(outcome, yielded, planned, ballot);
        });
    }

    private static void checkTripwires(LaneOutcome outcome, LaneYielded yielded, Ballot ballot) {
        for (CheckResult check : yielded.getChecks()) {
            if (!check.getPassed()) {
                ballot.object(outcome.laneId(), outcome.describe() + ": check " + check.getName() + " failed: "
                        + check.getReason());
            }
        }
        if (!yielded.getPassed()) {
            ballot.object(outcome.laneId(), outcome.describe() + ": yield did not pass lane validation");
        }
    }

    private static void checkTools(RoundView round, LaneOutcome outcome, LaneYielded yielded, PlannedLane planned,
                                   Ballot ballot) {
        Set<String> allowed = new TreeSet<>(planned.getTools());
        planned.getStages().stream().map(StagePlan::getTools).forEach(allowed::addAll);
        Set<String> used = new TreeSet<>(yielded.getTools());
        round.toolUses(outcome).forEach(use -> used.add(use.tool()));
        used.removeAll(allowed);
        for (String tool : used) {
            ballot.object(outcome.laneId(), outcome.describe() + ": tool " + tool + " is not allowed (allowed: "
                    + String.join(", ", allowed) + ")");
        }
    }

    private static void checkScope(LaneOutcome outcome, LaneYielded yielded, PlannedLane planned, Ballot ballot) {
        for (String entry : yielded.getScope()) {
            if (!planned.getScope().contains(entry)) {
                ballot.object(outcome.laneId(), outcome.describe() + ": scope entry " + entry
                        + " is outside the planned scope");
            }
        }
    }

    static String describe(Reason reason) {
        return reason.getCode() + (reason.getField().isEmpty() ? "" : " at " + reason.getField()) + ": "
                + reason.getMessage();
    }
}
