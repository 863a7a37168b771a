package dev.swarmboard.verifier.quorum;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.event.PlanIssued;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The round bookkeeping of one mission: the plan in force, the current round, the attempt each lane
 * must yield in it, every counted lane outcome, and whether the round or the whole mission is decided.
 * Round 1 expects every planned lane at attempt 1; {@code RetryScheduled(r, lanes)} expects those
 * lanes at attempt r and keeps the other lanes' latest outcomes. The first outcome per (lane,
 * attempt) in log order counts; later copies and stale attempts are ignored.
 */
public final class LaneRounds {

    /**
     * The workflow of the orchestrator's planning plan (its one {@code orchestrate} lane proposes the
     * real lanes). The orchestrator judges that lane's yield itself and supersedes the plan with the
     * lanes' own; the verifier does not verify it. Same value as the orchestrator's
     * {@code Planner.ORCHESTRATE_WORKFLOW}.
     */
    public static final String PLANNING_WORKFLOW = "orchestrate";

    private BlackboardEvent planEvent;
    private int round;
    private final Map<String, Integer> expectedAttempts;
    private final List<LaneOutcome> outcomes;
    private boolean roundDecided;
    private boolean terminal;

    public LaneRounds() {
        this(null, 0, Map.of(), List.of(), false, false);
    }

    public LaneRounds(BlackboardEvent planEvent, int round, Map<String, Integer> expectedAttempts,
                      List<LaneOutcome> outcomes, boolean roundDecided, boolean terminal) {
        this.planEvent = planEvent;
        this.round = round;
        this.expectedAttempts = new TreeMap<>(expectedAttempts);
        this.outcomes = new ArrayList<>(outcomes);
        this.roundDecided = roundDecided;
        this.terminal = terminal;
    }

    /**
     * The first plan opens round 1 (a planning plan is not verified). The same plan issued again (canary lanes sent in parts) changes
     * nothing; a different plan replaces it and re-opens the round: its lanes keep their expected
     * attempts, new lanes start at attempt 1.
     */
    void acceptPlan(BlackboardEvent event) {
        Plan plan = ((PlanIssued) event.getPayload()).getPlan();
        if (PLANNING_WORKFLOW.equals(plan.getWorkflow()) || planEvent != null && samePlan(plan(), plan)) {
            return;
        }
        Map<String, Integer> kept = new TreeMap<>(expectedAttempts);
        expectedAttempts.clear();
        for (PlannedLane lane : plan.getLanes()) {
            expectedAttempts.put(lane.getLaneId(), kept.getOrDefault(lane.getLaneId(), 1));
        }
        round = Math.max(round, 1);
        planEvent = event;
        roundDecided = false;
    }

    private static boolean samePlan(Plan current, Plan next) {
        return current.getPlanId().equals(next.getPlanId()) && current.getVersion() == next.getVersion();
    }

    /** A later round expects the named planned lanes at attempt {@code newRound}; an older one is stale. */
    void startRound(int newRound, List<String> lanes) {
        if (planEvent == null || newRound <= round) {
            return;
        }
        round = newRound;
        lanes.stream().filter(expectedAttempts::containsKey).forEach(lane -> expectedAttempts.put(lane, newRound));
        roundDecided = false;
    }

    /** Counts a LaneYielded/LaneFailed when it is the first outcome of its lane's expected attempt. */
    void count(BlackboardEvent event) {
        LaneOutcome outcome = new LaneOutcome(event);
        Integer expected = outcome.laneId() == null ? null : expectedAttempts.get(outcome.laneId());
        if (expected != null && expected == outcome.attempt() && !hasOutcome(outcome.laneId(), outcome.attempt())) {
            outcomes.add(outcome);
        }
    }

    boolean hasOutcome(String lane, int attempt) {
        return lane != null && outcomes.stream().anyMatch(o -> o.laneId().equals(lane) && o.attempt() == attempt);
    }

    void end() {
        terminal = true;
    }

    /**
     * A PASS ends verification, except for a plan whose lanes change a workspace: its integration may
     * still fail and re-run lanes (a RetryScheduled after the PASS opens the next round).
     */
    void decided(boolean passed) {
        roundDecided = true;
        terminal |= passed && plan().getLanes().stream().allMatch(lane -> lane.getWorkspace() == null);
    }

    /** The current round's outcome of each planned lane that has one, by lane id. */
    public Map<String, LaneOutcome> currentOutcomes() {
        Map<String, LaneOutcome> current = new TreeMap<>();
        for (LaneOutcome outcome : outcomes) {
            if (Integer.valueOf(outcome.attempt()).equals(expectedAttempts.get(outcome.laneId()))) {
                current.put(outcome.laneId(), outcome);
            }
        }
        return current;
    }

    /** Planned lanes with no outcome yet for their expected attempt, sorted. */
    public List<String> missingLanes() {
        Map<String, LaneOutcome> current = currentOutcomes();
        return expectedAttempts.keySet().stream().filter(lane -> !current.containsKey(lane)).toList();
    }

    /** True when the open round has an outcome for every planned lane and no verdict yet. */
    boolean due() {
        return open() && missingLanes().isEmpty();
    }

    private boolean open() {
        return planEvent != null && !terminal && !roundDecided;
    }

    /** The plan deadline while a round is waiting for its verdict. */
    public Optional<Instant> pendingDeadline() {
        return open() ? Optional.ofNullable(plan().getDeadline()) : Optional.empty();
    }

    public Plan plan() {
        return planEvent == null ? null : ((PlanIssued) planEvent.getPayload()).getPlan();
    }

    public BlackboardEvent planEvent() {
        return planEvent;
    }

    public int round() {
        return round;
    }

    public Map<String, Integer> expectedAttempts() {
        return Collections.unmodifiableMap(expectedAttempts);
    }

    /** Every counted outcome in log order. */
    public List<LaneOutcome> outcomes() {
        return Collections.unmodifiableList(outcomes);
    }

    public boolean roundDecided() {
        return roundDecided;
    }

    public boolean terminal() {
        return terminal;
    }
}
