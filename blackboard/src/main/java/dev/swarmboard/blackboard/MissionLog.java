package dev.swarmboard.blackboard;

import java.util.List;

/**
 * Every record of one mission in log order, as read from its blackboard partition: the decoded
 * events, and any record with the mission's key that could not be decoded.
 */
public record MissionLog(String missionId, List<RecordedEvent> events, List<UndecodableRecord> undecodable) {

    public MissionLog {
        events = List.copyOf(events);
        undecodable = List.copyOf(undecodable);
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
