package dev.swarmboard.missionindex;

/**
 * Where a reader of one mission begins on the mission's blackboard partition, and why.
 */
public sealed interface ReadStart {

    /** The offset to begin at: nothing of the mission lies before it. */
    long offset();

    /** Known start: from the task, the plan or the mission index. */
    record At(long offset, String source) implements ReadStart {
    }

    /**
     * The index covers the partition from offset 0 and has no entry: no mission the orchestrator
     * started has this id. A reader that must also see events written outside the orchestrator scans.
     */
    record Absent() implements ReadStart {
        @Override
        public long offset() {
            return 0;
        }
    }

    /** Nothing cheaper is known (no or partial index, a malformed entry): read the partition from 0. */
    record Scan(String reason) implements ReadStart {
        @Override
        public long offset() {
            return 0;
        }
    }
}
