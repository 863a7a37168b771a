package dev.swarmboard.orchestrator.state;

import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The plan in force and how far it got: which lanes were sent, each lane's latest attempt and
 * scope, and the rounds of the re-runs scheduled so far. Every update is idempotent, so a fact
 * seen twice changes nothing.
 */
public record PlanProgress(Plan plan, Set<String> issuedLanes, Map<String, Integer> attempts,
                           Map<String, List<String>> scopes, SortedSet<Integer> retryRounds,
                           Map<String, EvidenceRef> yields) {

    public PlanProgress {
        issuedLanes = Collections.unmodifiableSet(new LinkedHashSet<>(issuedLanes));
        attempts = Collections.unmodifiableMap(new LinkedHashMap<>(attempts));
        scopes = Collections.unmodifiableMap(new LinkedHashMap<>(scopes));
        retryRounds = Collections.unmodifiableSortedSet(new TreeSet<>(retryRounds));
        yields = Collections.unmodifiableMap(new LinkedHashMap<>(yields));
    }

    public static PlanProgress of(Plan plan) {
        Map<String, List<String>> scopes = new LinkedHashMap<>();
        plan.getLanes().forEach(lane -> scopes.put(lane.getLaneId(), List.copyOf(lane.getScope())));
        return new PlanProgress(plan, Set.of(), Map.of(), scopes, new TreeSet<>(), Map.of());
    }

    public String planId() {
        return plan.getPlanId();
    }

    /** The lanes were sent at attempt 1. */
    public PlanProgress issue(List<String> lanes) {
        Set<String> issued = new LinkedHashSet<>(issuedLanes);
        Map<String, Integer> latest = new LinkedHashMap<>(attempts);
        for (String lane : lanes) {
            issued.add(lane);
            latest.putIfAbsent(lane, 1);
        }
        return new PlanProgress(plan, issued, latest, scopes, retryRounds, yields);
    }

    /** The lanes were re-run at attempt {@code round} with the given scopes. */
    public PlanProgress retry(int round, List<String> lanes, Map<String, List<String>> newScopes) {
        Map<String, Integer> latest = new LinkedHashMap<>(attempts);
        Map<String, List<String>> scoped = new LinkedHashMap<>(scopes);
        lanes.forEach(lane -> latest.merge(lane, round, Math::max));
        newScopes.forEach(scoped::put);
        SortedSet<Integer> rounds = new TreeSet<>(retryRounds);
        rounds.add(round);
        return new PlanProgress(plan, issuedLanes, latest, scoped, rounds, yields);
    }

    /** Planned lanes not yet sent (the rest after a canary), in plan order. */
    public List<String> pendingLanes() {
        List<String> pending = new ArrayList<>();
        plan.getLanes().stream().map(PlannedLane::getLaneId).filter(id -> !issuedLanes.contains(id))
                .forEach(pending::add);
        return pending;
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

    /** The first LaneYielded of a lane attempt was seen (the one the verifier counts). */
    public PlanProgress withYield(String laneId, int attempt, EvidenceRef yield) {
        Map<String, EvidenceRef> next = new LinkedHashMap<>(yields);
        next.putIfAbsent(laneId + "/" + attempt, yield);
        return new PlanProgress(plan, issuedLanes, attempts, scopes, retryRounds, next);
    }

    /** The yield of each planned lane at its latest attempt, in plan order; lanes without one are left out. */
    public List<EvidenceRef> latestYields() {
        return plan.getLanes().stream().map(lane -> yields.get(lane.getLaneId() + "/" + attempt(lane.getLaneId())))
                .filter(java.util.Objects::nonNull).toList();
    }

    /** Whether the plan's lanes change a repository, so a PASS is followed by an integration. */
    public boolean integrates() {
        return !plan.getLanes().isEmpty() && plan.getLanes().stream().allMatch(lane -> lane.getWorkspace() != null);
    }

    public Optional<PlannedLane> lane(String laneId) {
        return plan.getLanes().stream().filter(lane -> lane.getLaneId().equals(laneId)).findFirst();
    }
}
