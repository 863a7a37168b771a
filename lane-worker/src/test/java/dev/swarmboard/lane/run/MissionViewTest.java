package dev.swarmboard.lane.run;

import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void shouldKnowAHeldEventAtOnceAndWriteItWithTheNextAppendInOneTransaction() {
        // Given a view holding one event
        InMemoryBlackboard blackboard = new InMemoryBlackboard();
        MissionView view = MissionView.open(blackboard, task);
        BlackboardEvent held = started("held");
        view.hold(held);
        assertThat(view.find(held.getHeader().getEventId())).contains(held);
        assertThat(blackboard.events()).isEmpty();

        // When the lane appends another
        BlackboardEvent appended = started("appended");
        view.append(appended);

        // Then both were written, in order, by one transaction; holding a known id again writes nothing
        assertThat(blackboard.events()).containsExactly(held, appended);
        assertThat(blackboard.transactions()).isEqualTo(1);
        view.hold(held);
        view.flush();
        assertThat(blackboard.transactions()).isEqualTo(1);
    }

    @Test
    void shouldForgetHeldEventsWhoseTransactionFailed() {
        // Given a view holding an event over a blackboard that refuses writes
        MissionView view = MissionView.open(new StableEndBlackboard(0, 0) {
            @Override
            public synchronized void append(List<BlackboardEvent> events) {
                throw new BlackboardUnavailable("broker down", null);
            }
        }, task);
        BlackboardEvent held = started("held");
        view.hold(held);

        // When it is flushed, the failure reaches the lane and the view no longer claims the event
        assertThatThrownBy(view::flush).isInstanceOf(BlackboardUnavailable.class);
        assertThat(view.find(held.getHeader().getEventId())).isEmpty();
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
    private static class StableEndBlackboard implements BlackboardAccess {

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
        public synchronized void append(List<BlackboardEvent> events) {
            log.addAll(events);
        }
    }
}
