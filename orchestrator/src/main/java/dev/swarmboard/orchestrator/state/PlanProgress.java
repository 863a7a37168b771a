package dev.swarmboard.orchestrator.state;

import dev.swarmboard.change.LaneAncestry;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.PredecessorChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The plan in force and how far it got: which lanes were sent, each lane's latest attempt and
 * scope, the rounds of the re-runs scheduled so far, which lane attempts were actually sent (a lane
 * of a sequenced plan waits for its predecessors) and how each ended. Every update is idempotent, so
 * a fact seen twice changes nothing.
 */
public record PlanProgress(Plan plan, Set<String> issuedLanes, Map<String, Integer> attempts,
                           Map<String, List<String>> scopes, SortedSet<Integer> retryRounds,
                           Map<String, EvidenceRef> yields, Set<String> sent, Map<String, Boolean> results,
                           Map<String, List<String>> retryReasons, Map<String, String> unfixable,
                           Map<String, String> trees) {

    public PlanProgress {
        issuedLanes = Collections.unmodifiableSet(new LinkedHashSet<>(issuedLanes));
        attempts = Collections.unmodifiableMap(new LinkedHashMap<>(attempts));
        scopes = Collections.unmodifiableMap(new LinkedHashMap<>(scopes));
        retryRounds = Collections.unmodifiableSortedSet(new TreeSet<>(retryRounds));
        yields = Collections.unmodifiableMap(new LinkedHashMap<>(yields));
        sent = Collections.unmodifiableSet(new LinkedHashSet<>(sent));
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
        retryReasons = Collections.unmodifiableMap(new LinkedHashMap<>(retryReasons));
        unfixable = Collections.unmodifiableMap(new LinkedHashMap<>(unfixable));
        trees = Collections.unmodifiableMap(new LinkedHashMap<>(trees));
    }

    public static PlanProgress of(Plan plan) {
        Map<String, List<String>> scopes = new LinkedHashMap<>();
        plan.getLanes().forEach(lane -> scopes.put(lane.getLaneId(), List.copyOf(lane.getScope())));
        return new PlanProgress(plan, Set.of(), Map.of(), scopes, new TreeSet<>(), Map.of(), Set.of(), Map.of(),
                Map.of(), Map.of(), Map.of());
    }

    public String planId() {
        return plan.getPlanId();
    }

    /** The lanes were sent at attempt 1. */
    public PlanProgress issue(List<String> lanes) {
        return issue(lanes, 1);
    }

    /** The lanes were sent at attempt {@code round} (1, or a re-run's round when they had waited). */
    public PlanProgress issue(List<String> lanes, int round) {
        Set<String> issued = new LinkedHashSet<>(issuedLanes);
        Map<String, Integer> latest = new LinkedHashMap<>(attempts);
        Set<String> sentNow = new LinkedHashSet<>(sent);
        for (String lane : lanes) {
            issued.add(lane);
            latest.merge(lane, round, Math::max);
            sentNow.add(key(lane, round));
        }
        return new PlanProgress(plan, issued, latest, scopes, retryRounds, yields, sentNow, results, retryReasons,
                unfixable, trees);
    }

    /** The lanes were scheduled at attempt {@code round} with the given scopes; all but {@code held} were sent. */
    public PlanProgress retry(int round, List<String> lanes, Map<String, List<String>> newScopes, List<String> held,
                              List<String> reasons) {
        Map<String, Integer> latest = new LinkedHashMap<>(attempts);
        Map<String, List<String>> scoped = new LinkedHashMap<>(scopes);
        Set<String> sentNow = new LinkedHashSet<>(sent);
        Map<String, List<String>> why = new LinkedHashMap<>(retryReasons);
        for (String lane : lanes) {
            latest.merge(lane, round, Math::max);
            if (!held.contains(lane)) {
                sentNow.add(key(lane, round));
            }
            why.put(lane, List.copyOf(reasons));
        }
        newScopes.forEach(scoped::put);
        SortedSet<Integer> rounds = new TreeSet<>(retryRounds);
        rounds.add(round);
        return new PlanProgress(plan, issuedLanes, latest, scoped, rounds, yields, sentNow, results, why, unfixable, trees);
    }

    /** Planned lanes not yet sent at all (the rest after a canary) and without an outcome, in plan order. */
    public List<String> pendingLanes() {
        List<String> pending = new ArrayList<>();
        plan.getLanes().stream().map(PlannedLane::getLaneId)
                .filter(id -> !issuedLanes.contains(id) && !results.containsKey(key(id, 1)))
                .forEach(pending::add);
        return pending;
    }

    /** Lanes of the current round that were neither sent nor ended (they wait), in plan order. */
    public List<String> heldLanes() {
        return plan.getLanes().stream().map(PlannedLane::getLaneId)
                .filter(id -> !sent.contains(key(id, expectedAttempt(id))) && !results.containsKey(key(id,
                        expectedAttempt(id)))).toList();
    }

    /** Lanes sent at their current attempt that have not ended yet. */
    public int inFlight() {
        return (int) plan.getLanes().stream().map(PlannedLane::getLaneId)
                .filter(id -> sent.contains(key(id, expectedAttempt(id))) && !results.containsKey(key(id,
                        expectedAttempt(id)))).count();
    }

    /** Whether the lane's current attempt ended with a passing yield. */
    public boolean passed(String laneId) {
        return Boolean.TRUE.equals(results.get(key(laneId, expectedAttempt(laneId))));
    }

    /** Whether the lane's current attempt ended failed (a failing yield, a LaneFailed, or blocked). */
    public boolean failed(String laneId) {
        return Boolean.FALSE.equals(results.get(key(laneId, expectedAttempt(laneId))));
    }

    /** The attempt a lane runs (or waits to run) in the current round: its latest attempt, at least 1. */
    public int expectedAttempt(String laneId) {
        return Math.max(1, attempt(laneId));
    }

    /** Whether a re-run after round {@code round} was already scheduled. */
    public boolean handledRound(int round) {
        return !retryRounds.isEmpty() && retryRounds.last() > round;
    }

    public int rerunsUsed() {
        return retryRounds.size();
    }

    public int attempt(String laneId) {
        return attempts.getOrDefault(laneId, 0);
    }

    public List<String> scope(String laneId) {
        return scopes.getOrDefault(laneId, List.of());
    }

    /** Why the lane's latest re-run was scheduled, for a re-run sent after it waited. */
    public List<String> retryReasons(String laneId) {
        return retryReasons.getOrDefault(laneId, List.of());
    }

    /** The first LaneYielded of a lane attempt was seen (the one the verifier counts); {@code treeId} it ended at. */
    public PlanProgress withYield(String laneId, int attempt, EvidenceRef yield, boolean passed, String treeId) {
        Map<String, EvidenceRef> next = new LinkedHashMap<>(yields);
        next.putIfAbsent(key(laneId, attempt), yield);
        Map<String, String> nextTrees = new LinkedHashMap<>(trees);
        nextTrees.putIfAbsent(key(laneId, attempt), treeId);
        PlanProgress ended = withResult(laneId, attempt, passed);
        return new PlanProgress(plan, issuedLanes, attempts, scopes, retryRounds, next, sent, ended.results,
                retryReasons, unfixable, nextTrees);
    }

    /** The first end (yield or failure) of a lane attempt was seen. */
    public PlanProgress withResult(String laneId, int attempt, boolean passed) {
        Map<String, Boolean> next = new LinkedHashMap<>(results);
        next.putIfAbsent(key(laneId, attempt), passed);
        return new PlanProgress(plan, issuedLanes, attempts, scopes, retryRounds, yields, sent, next, retryReasons,
                unfixable, trees);
    }

    /** The lane attempt failed in a way a re-run cannot fix; {@code why} says how. */
    public PlanProgress withUnfixable(String laneId, int attempt, String why) {
        Map<String, String> next = new LinkedHashMap<>(unfixable);
        next.putIfAbsent(key(laneId, attempt), why);
        return new PlanProgress(plan, issuedLanes, attempts, scopes, retryRounds, yields, sent, results, retryReasons,
                next, trees);
    }

    /** Why the lane's current attempt cannot pass by a re-run, if it failed that way. */
    public Optional<String> unfixable(String laneId) {
        return Optional.ofNullable(unfixable.get(key(laneId, expectedAttempt(laneId))));
    }

    /** The yield of each planned lane at its latest attempt, in plan order; lanes without one are left out. */
    public List<EvidenceRef> latestYields() {
        return plan.getLanes().stream().map(lane -> yields.get(key(lane.getLaneId(), attempt(lane.getLaneId()))))
                .filter(Objects::nonNull).toList();
    }

    /** The yield of a lane at its latest attempt, if it has one. */
    public Optional<EvidenceRef> latestYield(String laneId) {
        return Optional.ofNullable(yields.get(key(laneId, attempt(laneId))));
    }

    /**
     * What a workspace lane's checkout starts from: the latest attempt of each of its transitive
     * predecessors, in plan (topological) order, with its yield and the tree it ended at. Empty for a
     * lane without a workspace or one that waits for no other.
     */
    public List<PredecessorChange> startFrom(String laneId) {
        if (lane(laneId).map(PlannedLane::getWorkspace).isEmpty()) {
            return List.of();
        }
        List<PredecessorChange> start = new ArrayList<>();
        for (String predecessor : LaneAncestry.of(plan.getLanes()).getOrDefault(laneId, Set.of())) {
            String at = key(predecessor, attempt(predecessor));
            if (yields.containsKey(at)) {
                start.add(new PredecessorChange(predecessor, attempt(predecessor), yields.get(at),
                        trees.getOrDefault(at, "")));
            }
        }
        return start;
    }

    /** Whether the plan's lanes change a repository, so a PASS is followed by an integration. */
    public boolean integrates() {
        return !plan.getLanes().isEmpty() && plan.getLanes().stream().allMatch(lane -> lane.getWorkspace() != null);
    }

    public Optional<PlannedLane> lane(String laneId) {
        return plan.getLanes().stream().filter(lane -> lane.getLaneId().equals(laneId)).findFirst();
    }

    private static String key(String laneId, int attempt) {
        return laneId + "/" + attempt;
    }
}
