package dev.swarmboard.blackboard;

/** A record on the blackboard that could not be decoded, with where it is and why. */
public record UndecodableRecord(String topic, int partition, long offset, String key, String error) {

    public String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }
}
