package dev.swarmboard.lane.run;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.RunLane;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One lane's view of its mission on the blackboard: the first event of every id in log order from the
 * mission's start (never offset 0 when the task carries it), refreshed incrementally, plus the events
 * this lane appended or holds for its next append. An append is trusted once acknowledged, without
 * reading it back: the delivery opened by fencing every earlier one and reading all they committed, and
 * only this attempt writes its ids, so an acknowledged append is the first of its id. Appending an id
 * the view already holds writes nothing: the event that counts is the one already there. Safe for the
 * parallel calls of an ensemble.
 */
public final class MissionView {

    private final BlackboardAccess blackboard;
    private final String missionId;
    private final Map<String, BlackboardEvent> logged = new LinkedHashMap<>();
    private final Map<String, BlackboardEvent> pending = new LinkedHashMap<>();
    private final List<BlackboardEvent> held = new ArrayList<>();
    private long nextOffset;

    private MissionView(BlackboardAccess blackboard, String missionId, long startOffset) {
        this.blackboard = blackboard;
        this.missionId = missionId;
        this.nextOffset = startOffset;
    }

    /** The view with everything the task's mission log holds now, read from the mission's start. */
    public static MissionView open(BlackboardAccess blackboard, RunLane task) {
        MissionView view = new MissionView(blackboard, task.getMissionId(), blackboard.startOffset(task));
        view.refresh();
        return view;
    }

    /** Reads what was appended since the last read. */
    public synchronized void refresh() {
        long end = blackboard.endOffset(missionId);
        if (end > nextOffset) {
            for (BlackboardEvent event : blackboard.read(missionId, nextOffset, end)) {
                logged.putIfAbsent(event.getHeader().getEventId(), event);
                pending.remove(event.getHeader().getEventId());
            }
            nextOffset = end;
        }
    }

    /**
     * Appends the event unless its id is already known, in one transaction with every event held
     * before it; returns the event that counts for that id.
     */
    public synchronized BlackboardEvent append(BlackboardEvent event) {
        BlackboardEvent counts = hold(event);
        flush();
        return counts;
    }

    /**
     * Holds the event for the next {@link #flush} (or {@link #append}) unless its id is already known;
     * returns the event that counts for that id. A held event is known to this view at once (budget and
     * evidence count it) and written with the next transaction, so a lane writes its receipts in one
     * transaction per external call instead of one per event: flush before every model call, tool run
     * or other wait, so a crash loses only what the redelivery redoes without cost.
     */
    public synchronized BlackboardEvent hold(BlackboardEvent event) {
        String id = event.getHeader().getEventId();
        Optional<BlackboardEvent> known = find(id);
        if (known.isPresent()) {
            return known.get();
        }
        pending.put(id, event);
        held.add(event);
        return event;
    }

    /**
     * Writes every held event in one transaction. If it fails the held events are forgotten (they were
     * never written) and the failure propagates; the delivery is then over.
     */
    public synchronized void flush() {
        if (held.isEmpty()) {
            return;
        }
        List<BlackboardEvent> batch = List.copyOf(held);
        held.clear();
        try {
            blackboard.append(batch);
        } catch (RuntimeException e) {
            batch.forEach(unwritten -> pending.remove(unwritten.getHeader().getEventId()));
            throw e;
        }
    }

    public synchronized Optional<BlackboardEvent> find(String eventId) {
        return Optional.ofNullable(logged.getOrDefault(eventId, pending.get(eventId)));
    }

    /** Every known event: the log's, then this lane's not yet read back. */
    public synchronized List<BlackboardEvent> events() {
        List<BlackboardEvent> events = new ArrayList<>(logged.values());
        events.addAll(pending.values());
        return events;
    }

    /** The events of one lane attempt, in the order of {@link #events()}. */
    public List<BlackboardEvent> attempt(String laneId, int attempt) {
        return events().stream().filter(event -> laneId.equals(event.getHeader().getLaneId())
                && event.getHeader().getAttempt() == attempt).toList();
    }

    /**
     * The first event of every id: read from the log, or appended by this lane and acknowledged. What
     * evidence resolves against.
     */
    public synchronized Map<String, BlackboardEvent> known() {
        Map<String, BlackboardEvent> known = new LinkedHashMap<>(logged);
        pending.forEach(known::putIfAbsent);
        return Map.copyOf(known);
    }
}
