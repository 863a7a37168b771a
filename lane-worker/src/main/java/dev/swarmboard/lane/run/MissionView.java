package dev.swarmboard.lane.run;

import dev.swarmboard.schema.BlackboardEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One lane's view of its mission on the blackboard: the first event of every id in log order, refreshed
 * incrementally, plus the events this lane appended that a refresh has not read back yet. Appending an
 * id the view already holds writes nothing: the event that counts is the one already there. Safe for the
 * parallel calls of an ensemble.
 */
public final class MissionView {

    private static final long READ_BACK_POLL_MS = 10;

    private final BlackboardAccess blackboard;
    private final String missionId;
    private final Map<String, BlackboardEvent> logged = new LinkedHashMap<>();
    private final Map<String, BlackboardEvent> pending = new LinkedHashMap<>();
    private long nextOffset;

    private MissionView(BlackboardAccess blackboard, String missionId) {
        this.blackboard = blackboard;
        this.missionId = missionId;
    }

    /** The view with everything the mission's log holds now. */
    public static MissionView open(BlackboardAccess blackboard, String missionId) {
        MissionView view = new MissionView(blackboard, missionId);
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
     * Refreshes until every event this lane appended has been read back, or {@code timeout} passes; true
     * if all were. An acknowledged event is not readable yet while a transaction opened before it on the
     * same partition is still open: a read-committed reader stops at the last stable offset, and the
     * verifier (exactly-once, committing every 100 ms) and the orchestrator write to the blackboard in
     * transactions.
     */
    public boolean awaitReadBack(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        refresh();
        while (hasPending()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(READ_BACK_POLL_MS);
            refresh();
        }
        return true;
    }

    private synchronized boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Appends the event unless its id is already known; returns the event that counts for that id. */
    public BlackboardEvent append(BlackboardEvent event) {
        String id = event.getHeader().getEventId();
        Optional<BlackboardEvent> known = find(id);
        if (known.isPresent()) {
            return known.get();
        }
        blackboard.append(event);
        synchronized (this) {
            pending.putIfAbsent(id, event);
            return find(id).orElseThrow();
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

    /** The first event of every id read from the log (not the pending ones): what evidence resolves against. */
    public synchronized Map<String, BlackboardEvent> logged() {
        return Map.copyOf(logged);
    }
}
