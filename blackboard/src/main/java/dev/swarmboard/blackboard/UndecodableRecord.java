package dev.swarmboard.blackboard;

/**
 * A record under a mission's key that is not one of its events, with where it is and why: bytes
 * that do not decode (foreign to the blackboard's contract), or an event whose header names
 * another mission ({@code misattributed}: decodable, so a forged or misrouted fact).
 */
public record UndecodableRecord(String topic, int partition, long offset, String key, String error,
                                boolean misattributed) {

    /** Bytes under the key that are no event at all. */
    public static UndecodableRecord foreign(String topic, int partition, long offset, String key, String error) {
        return new UndecodableRecord(topic, partition, offset, key, error, false);
    }

    /** An event under the key whose header names another mission. */
    public static UndecodableRecord misattributed(String topic, int partition, long offset, String key, String error) {
        return new UndecodableRecord(topic, partition, offset, key, error, true);
    }

    public String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }
}
