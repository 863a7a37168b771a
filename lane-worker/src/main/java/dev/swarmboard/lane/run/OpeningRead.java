package dev.swarmboard.lane.run;

import dev.swarmboard.schema.BlackboardEvent;
import java.util.List;

/**
 * What a delivery read of its mission while opening: the decodable events with offsets in
 * {@code [start, end)}, {@code end} being the partition's committed end after the attempt was fenced.
 */
record OpeningRead(long start, long end, List<BlackboardEvent> events) {

    OpeningRead {
        events = List.copyOf(events);
    }
}
