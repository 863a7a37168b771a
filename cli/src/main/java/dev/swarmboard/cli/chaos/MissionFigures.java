package dev.swarmboard.cli.chaos;

import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.event.LaneStarted;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.schema.event.RetryScheduled;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one mission's blackboard log says about the guarantees a chaos run checks: whether it ended,
 * each dispatched lane attempt (planned or re-run) with how many distinct outcomes it has, event ids
 * written with more than one content, distinct verdicts per round, distinct digests, and lane starts
 * of a later delivery (a task taken over after a kill or a freeze). A pure
 * function of the log, so a run's figures can be recomputed from the topic at any time.
 */
record MissionFigures(String missionId, String end, int attempts, List<String> lostAttempts,
                      List<String> duplicateOutcomes, List<String> conflictingIds, int rounds,
                      List<String> roundsWithoutOneVerdict, int digests, int redeliveries) {

    static final String RUNNING = "running";

    static MissionFigures of(MissionLog log) {
        List<BlackboardEvent> events = log.events().stream().map(RecordedEvent::event).toList();
        Set<String> dispatched = new LinkedHashSet<>();
        Map<Integer, Set<String>> verdicts = new TreeMap<>();
        for (BlackboardEvent event : events) {
            if (event.getPayload() instanceof PlanIssued plan) {
                plan.getPlan().getLanes().stream().map(PlannedLane::getLaneId).forEach(lane -> dispatched.add(lane + "#1"));
                verdicts.putIfAbsent(1, new LinkedHashSet<>());
            } else if (event.getPayload() instanceof RetryScheduled retry) {
                retry.getLanes().forEach(lane -> dispatched.add(lane + "#" + retry.getRound()));
                verdicts.putIfAbsent(retry.getRound(), new LinkedHashSet<>());
            } else if (event.getPayload() instanceof QuorumReached verdict) {
                verdicts.computeIfAbsent(verdict.getRound(), round -> new LinkedHashSet<>()).add(event.getHeader().getEventId());
            }
        }
        Map<String, Set<String>> outcomes = events.stream()
                .filter(event -> event.getHeader().getType().matches("LaneYielded|LaneFailed"))
                .collect(Collectors.groupingBy(event -> event.getHeader().getLaneId() + "#" + event.getHeader().getAttempt(),
                        Collectors.mapping(event -> event.getHeader().getEventId(), Collectors.toSet())));
        String end = end(events);
        List<String> lost = dispatched.stream().filter(attempt -> !outcomes.containsKey(attempt)).toList();
        List<String> duplicates = outcomes.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                .map(Map.Entry::getKey).sorted().toList();
        List<String> conflicting = events.stream().collect(Collectors.groupingBy(event -> event.getHeader().getEventId(),
                        Collectors.mapping(event -> event.getHeader().getContentHash(), Collectors.toSet())))
                .entrySet().stream().filter(entry -> entry.getValue().size() > 1).map(Map.Entry::getKey).sorted().toList();
        // A round the mission left before its verdict (it failed or was cancelled) may have none; one
        // that got a verdict has exactly one counted verdict, and a completed mission has one in every round.
        List<String> badRounds = verdicts.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1 || entry.getValue().isEmpty() && end.equals("completed"))
                .map(entry -> "round " + entry.getKey() + ": " + entry.getValue().size() + " verdicts").toList();
        int digests = (int) events.stream().filter(event -> event.getHeader().getType().equals("DigestPublished"))
                .map(event -> event.getHeader().getEventId()).distinct().count();
        int redeliveries = (int) events.stream().filter(event -> event.getPayload() instanceof LaneStarted started
                && started.getDeliveryCount() > 1).count();
        return new MissionFigures(log.missionId(), end, dispatched.size(), lost, duplicates, conflicting,
                verdicts.size(), badRounds, digests, redeliveries);
    }

    /** completed (a digest was published), failed, rejected, cancelled, or running. */
    private static String end(List<BlackboardEvent> events) {
        Set<String> types = events.stream().map(event -> event.getHeader().getType()).collect(Collectors.toSet());
        if (types.contains("DigestPublished")) {
            return "completed";
        }
        for (String terminal : List.of("MissionFailed", "MissionRejected", "MissionCancelled")) {
            if (types.contains(terminal)) {
                return terminal.substring("Mission".length()).toLowerCase(Locale.ROOT);
            }
        }
        return RUNNING;
    }

    boolean terminal() {
        return !end.equals(RUNNING);
    }
}
