package dev.swarmboard.orchestrator.service;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.blackboard.UndecodableRecord;
import dev.swarmboard.missionindex.ReadStart;
import dev.swarmboard.schema.MissionStart;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads a mission on a cache miss, reading only from its start: an indexed mission from its index
 * entry; for a command, a mission absent from a partition indexed from offset 0 reads nothing (a new
 * submission: the orchestrator indexes every mission it starts, in the transaction of its first
 * event). A fact of a mission absent from the index (written outside the orchestrator), and anything
 * the index cannot place (a mission started before it), is scanned from offset 0 once; its start is
 * then indexed with the next write.
 */
class MissionLoader {

    private final BlackboardReader reader;

    MissionLoader(BlackboardReader reader) {
        this.reader = reader;
    }

    /** The mission a command names. */
    LoadedMission forCommand(String missionId) {
        return load(missionId, true);
    }

    /** The mission of a blackboard fact. */
    LoadedMission forFact(String missionId) {
        return load(missionId, false);
    }

    private LoadedMission load(String missionId, boolean absentIsNew) {
        // The end first: a mission absent from the index now has nothing committed before it.
        long end = reader.endOffset(missionId);
        int partition = reader.partition(missionId);
        ReadStart start = reader.start(missionId);
        if (start instanceof ReadStart.Absent && absentIsNew) {
            return new LoadedMission(List.of(), new MissionStart(partition, end), false);
        }
        // Absent here is a fact's mission: offset() is 0, the scan.
        MissionLog log = reader.readMission(missionId, start.offset(), end);
        if (start instanceof ReadStart.At at) {
            return new LoadedMission(log.events(), new MissionStart(partition, at.offset()), true);
        }
        long first = Stream.concat(log.events().stream().map(RecordedEvent::offset),
                log.undecodable().stream().map(UndecodableRecord::offset)).mapToLong(Long::longValue).min().orElse(end);
        return new LoadedMission(log.events(), new MissionStart(partition, Math.min(first, end)), false);
    }
}
