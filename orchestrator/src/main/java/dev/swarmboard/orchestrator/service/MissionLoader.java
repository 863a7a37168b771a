package dev.swarmboard.orchestrator.service;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.blackboard.UndecodableRecord;
import dev.swarmboard.missionindex.ReadStart;
import dev.swarmboard.schema.MissionStart;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Loads a mission on a cache miss, reading only from its start: an indexed mission from its index
 * entry; a mission absent from a partition indexed from offset 0 reads nothing (a new submission);
 * anything else (a mission started before the index) is scanned from offset 0 once, and its start
 * then indexed with the next write.
 */
final class MissionLoader implements Function<String, LoadedMission> {

    private final BlackboardReader reader;

    MissionLoader(BlackboardReader reader) {
        this.reader = reader;
    }

    @Override
    public LoadedMission apply(String missionId) {
        // The end first: a mission absent from the index now has nothing committed before it.
        long end = reader.endOffset(missionId);
        int partition = reader.partition(missionId);
        ReadStart start = reader.start(missionId);
        if (start instanceof ReadStart.Absent) {
            return new LoadedMission(List.of(), new MissionStart(partition, end), false);
        }
        MissionLog log = reader.readMission(missionId, start.offset(), end);
        if (start instanceof ReadStart.At at) {
            return new LoadedMission(log.events(), new MissionStart(partition, at.offset()), true);
        }
        long first = Stream.concat(log.events().stream().map(RecordedEvent::offset),
                log.undecodable().stream().map(UndecodableRecord::offset)).mapToLong(Long::longValue).min().orElse(end);
        return new LoadedMission(log.events(), new MissionStart(partition, Math.min(first, end)), false);
    }
}
