package dev.swarmboard.blackboard;

/**
 * A record under a mission's key that is not one of its events, with where it is and why: bytes
 * that do not decode (foreign to the blackboard's contract), an event whose header names another
 * mission ({@code misattributed}: decodable, so a forged or misrouted fact), or an event whose
 * signature the trust file refuses ({@code untrusted}: a forged or unauthorised fact).
 */
public record UndecodableRecord(String topic, int partition, long offset, String key, String error, Kind kind) {

    /** Why the record is not one of the mission's events. */
    public enum Kind {
        FOREIGN, MISATTRIBUTED, UNTRUSTED
    }

    /** Bytes under the key that are no event at all. */
    public static UndecodableRecord foreign(String topic, int partition, long offset, String key, String error) {
        return new UndecodableRecord(topic, partition, offset, key, error, Kind.FOREIGN);
    }

    /** An event under the key whose header names another mission. */
    public static UndecodableRecord misattributed(String topic, int partition, long offset, String key, String error) {
        return new UndecodableRecord(topic, partition, offset, key, error, Kind.MISATTRIBUTED);
    }

    /** An event under the key whose signature is missing, wrong or not allowed for its type. */
    public static UndecodableRecord untrusted(String topic, int partition, long offset, String key, String error) {
        return new UndecodableRecord(topic, partition, offset, key, error, Kind.UNTRUSTED);
    }

    public boolean misattributed() {
        return kind == Kind.MISATTRIBUTED;
    }

    public boolean untrusted() {
        return kind == Kind.UNTRUSTED;
    }

    public String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }
}
