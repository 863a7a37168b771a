package dev.swarmboard.blackboard;

import dev.swarmboard.deadletter.UnreadableRecord;
import java.util.List;

/**
 * Every record of one mission in log order, as read from its blackboard partition: the decoded
 * events, any record with the mission's key that could not be decoded, and any record of the
 * partition the client could not read at all (its key unknown, so it may have been the mission's).
 */
public record MissionLog(String missionId, List<RecordedEvent> events, List<UndecodableRecord> undecodable,
                         List<UnreadableRecord> unreadable) {

    public MissionLog {
        events = List.copyOf(events);
        undecodable = List.copyOf(undecodable);
        unreadable = List.copyOf(unreadable);
    }

    /** A log read without unreadable records. */
    public MissionLog(String missionId, List<RecordedEvent> events, List<UndecodableRecord> undecodable) {
        this(missionId, events, undecodable, List.of());
    }

    /**
     * The head hash over the mission's decodable events in log order. Undecodable records are not
     * attributable with certainty; they are reported in {@link #undecodable()} instead.
     */
    public HeadHash head() {
        HeadHash head = HeadHash.GENESIS;
        for (RecordedEvent event : events) {
            head = head.next(event.value());
        }
        return head;
    }
}
