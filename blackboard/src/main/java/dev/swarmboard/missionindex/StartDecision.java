package dev.swarmboard.missionindex;

/**
 * Decides where a mission's reader starts from what the mission index holds for it and for its
 * partition. Fails closed: anything but an entry naming the mission's own partition, or a partition
 * indexed from its very beginning, is a scan from offset 0.
 */
public final class StartDecision {

    private StartDecision() {
    }

    /**
     * @param partition   the blackboard partition the mission hashes to
     * @param entry       the index's latest record under the mission id, or null
     * @param indexedFrom the partition's marker offset, or null when it has none
     */
    public static ReadStart decide(String missionId, int partition, IndexEntry entry, Long indexedFrom) {
        if (entry instanceof IndexEntry.Start start) {
            return start.partition() == partition ? new ReadStart.At(start.offset(), "mission index")
                    : new ReadStart.Scan("the index places mission " + missionId + " on partition " + start.partition()
                    + " but it hashes to " + partition);
        }
        if (entry instanceof IndexEntry.Malformed malformed) {
            return new ReadStart.Scan("index entry of mission " + missionId + " unusable: " + malformed.reason());
        }
        if (indexedFrom == null) {
            return new ReadStart.Scan("mission " + missionId + " is not in the index and partition " + partition
                    + " has no index marker");
        }
        if (indexedFrom == 0) {
            return new ReadStart.Absent();
        }
        return new ReadStart.Scan("mission " + missionId + " is not in the index and partition " + partition
                + " is indexed only from offset " + indexedFrom);
    }
}
