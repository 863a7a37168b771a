package dev.swarmboard.verifier.quorum;

import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.Vote;
import dev.swarmboard.schema.event.LaneYielded;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Completeness: the plan has lanes, every planned lane has a passing yield for its expected attempt, every artifact the
 * plan requires is among the yield's artifacts, and where the plan requires green tests the lane
 * attempt's last test-runner receipt exited 0 in time (a receipt, never model text).
 */
public final class VerifierAux implements Validator {

    public static final String NAME = "verifier_aux";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Vote vote(RoundView round) {
        Ballot ballot = new Ballot(NAME);
        ballot.objectToDeadline(round);
        if (round.plan().getLanes().isEmpty()) {
            ballot.object("plan " + round.plan().getPlanId() + " has no lanes: nothing was done");
        }
        for (String lane : round.missingLanes()) {
            ballot.object(lane, lane + ": no outcome for its expected attempt");
        }
        for (LaneOutcome outcome : round.outcomes().values()) {
            PlannedLane planned = round.plannedLane(outcome.laneId()).orElseThrow();
            outcome.failure().ifPresent(failed -> ballot.object(outcome.laneId(),
                    outcome.describe() + ": failed without a yield"));
            outcome.yielded().ifPresent(yielded -> checkYield(round, outcome, yielded, planned, ballot));
        }
        return ballot.vote();
    }

    private static void checkYield(RoundView round, LaneOutcome outcome, LaneYielded yielded, PlannedLane planned,
                                   Ballot ballot) {
        if (!yielded.getPassed()) {
            String failed = yielded.getChecks().stream().filter(check -> !check.getPassed())
                    .map(CheckResult::getName).collect(Collectors.joining(", "));
            ballot.object(outcome.laneId(), outcome.describe() + ": yield failed"
                    + (failed.isEmpty() ? "" : " (" + failed + ")"));
        }
        Set<String> present = yielded.getArtifacts().stream().map(EvidenceRef::getLabel).collect(Collectors.toSet());
        for (String required : planned.getRequiredArtifacts()) {
            if (!present.contains(required)) {
                ballot.object(outcome.laneId(), outcome.describe() + ": required artifact " + required + " missing");
            }
        }
        if (planned.getRequireTestsGreen()) {
            checkTests(round.toolUses(outcome), outcome, ballot);
        }
    }

    private static void checkTests(List<ToolUse> uses, LaneOutcome outcome, Ballot ballot) {
        List<ToolUse> testRuns = uses.stream().filter(ToolUse::testsTool).toList();
        if (testRuns.isEmpty()) {
            ballot.object(outcome.laneId(), outcome.describe() + ": tests required but no test-runner receipt");
            return;
        }
        ToolUse last = testRuns.get(testRuns.size() - 1);
        if (!last.green()) {
            ballot.object(outcome.laneId(), outcome.describe() + ": tests not green: " + last.tool() + " exited "
                    + last.exitCode() + (last.timedOut() ? " after timing out" : ""));
        }
    }
}
