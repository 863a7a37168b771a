package dev.swarmboard.lane.run;

import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.LaneStarted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissionViewTest {

    private final RunLane task = task("m-1", lane("a").build()).build();

    @Test
    void shouldTrustItsOwnAcknowledgedAppendWithoutReadingItBack() {
        // Given a partition whose readable end never passes the lane's append (an open transaction before it)
        StableEndBlackboard blackboard = new StableEndBlackboard(0, Integer.MAX_VALUE);
        MissionView view = MissionView.open(blackboard, task);
        BlackboardEvent started = started("w-1");

        // When the lane appends
        view.append(started);

        // Then the acknowledged event is what evidence resolves against, with no read after the append
        assertThat(view.known()).containsKey(started.getHeader().getEventId());
        assertThat(view.attempt("a", 1)).containsExactly(started);
        assertThat(blackboard.endReads).isEqualTo(1);
    }

    @Test
    void shouldReadFromTheMissionsStartNotFromOffsetZero() {
        // Given a log whose first two records are before the mission's start
        StableEndBlackboard blackboard = new StableEndBlackboard(2, 0);
        blackboard.append(started("before-1"));
        blackboard.append(started("before-2"));
        BlackboardEvent own = started("after");
        blackboard.append(own);

        // When the view opens
        MissionView view = MissionView.open(blackboard, task);

        // Then it read only from the start on
        assertThat(blackboard.readsFrom).containsExactly(2L);
        assertThat(view.events()).containsExactly(own);
    }

    private static BlackboardEvent started(String worker) {
        return Events.create(new EventOrigin("m-1", "a", 1, worker, null, null),
                new LaneStarted(worker, 1, List.of("src/"), ""), Instant.EPOCH, "started", worker);
    }

    /** A log with a mission start, whose readable end (the last stable offset) lags appends for some reads. */
    private static final class StableEndBlackboard implements BlackboardAccess {

        private final List<BlackboardEvent> log = new ArrayList<>();
        private final List<Long> readsFrom = new ArrayList<>();
        private final long start;
        private int lagReads;
        private int endReads;

        private StableEndBlackboard(long start, int lagReads) {
            this.start = start;
            this.lagReads = lagReads;
        }

        @Override
        public long startOffset(RunLane task) {
            return start;
        }

        @Override
        public synchronized long endOffset(String missionId) {
            endReads++;
            if (lagReads-- > 0) {
                return 0;
            }
            return log.size();
        }

        @Override
        public synchronized List<BlackboardEvent> read(String missionId, long fromOffset, long toOffset) {
            readsFrom.add(fromOffset);
            return List.copyOf(log.subList((int) fromOffset, (int) toOffset));
        }

        @Override
        public synchronized void append(BlackboardEvent event) {
            log.add(event);
        }
    }
}
