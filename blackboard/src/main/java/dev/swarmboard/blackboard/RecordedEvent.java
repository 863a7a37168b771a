package dev.swarmboard.blackboard;

import dev.swarmboard.schema.BlackboardEvent;

/**
 * A blackboard event as read from the log: the decoded event, its coordinates and the value bytes
 * exactly as stored (the head hash and tamper checks use those).
 */
public record RecordedEvent(BlackboardEvent event, String topic, int partition, long offset, long timestamp,
                            byte[] value) {

    public String type() {
        return event.getHeader().getType();
    }

    public String eventId() {
        return event.getHeader().getEventId();
    }

    public String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }
}
