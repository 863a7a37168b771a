package dev.swarmboard.lane.run;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.RunLane;
import java.util.ArrayList;
import java.util.List;

/**
 * A mission log in memory: offsets are list indexes. For tests of the lane runner without a broker; as
 * {@link AttemptBlackboards} every delivery shares it (nothing is fenced).
 */
public final class InMemoryBlackboard implements AttemptBlackboard, AttemptBlackboards {

    private final List<BlackboardEvent> log = new ArrayList<>();
    private int transactions;
    private int endOffsetReads;

    @Override
    public long startOffset(RunLane task) {
        return 0;
    }

    @Override
    public synchronized long endOffset(String missionId) {
        endOffsetReads++;
        return log.size();
    }

    /** How often a reader asked for the mission's end (a ListOffsets request, on Kafka). */
    public synchronized int endOffsetReads() {
        return endOffsetReads;
    }

    @Override
    public synchronized List<BlackboardEvent> read(String missionId, long fromOffset, long toOffset) {
        return log.subList((int) fromOffset, (int) toOffset).stream()
                .filter(event -> event.getHeader().getMissionId().equals(missionId)).toList();
    }

    @Override
    public synchronized void append(List<BlackboardEvent> events) {
        log.addAll(events);
        transactions++;
    }

    /** How many appends (transactions, on Kafka) wrote the log. */
    public synchronized int transactions() {
        return transactions;
    }

    @Override
    public AttemptBlackboard open(RunLane task, int deliveryCount) {
        return this;
    }

    @Override
    public void close() {
        // The log outlives every delivery.
    }

    synchronized List<BlackboardEvent> events() {
        return List.copyOf(log);
    }

    public synchronized List<String> types() {
        return log.stream().map(event -> event.getHeader().getType()).toList();
    }

    public synchronized <T> List<T> payloads(Class<T> type) {
        return log.stream().map(BlackboardEvent::getPayload).filter(type::isInstance).map(type::cast).toList();
    }

    /** A blackboard holding the first {@code count} events of this one. */
    synchronized InMemoryBlackboard prefix(int count) {
        InMemoryBlackboard copy = new InMemoryBlackboard();
        copy.append(log.subList(0, count));
        return copy;
    }
}
