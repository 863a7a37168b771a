package dev.swarmboard.lane.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.LaneStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissionViewTest {

    @Test
    void shouldWaitUntilItsOwnAppendsAreReadableBehindAnOpenTransaction() throws InterruptedException {
        // Given a partition whose readable end stays behind an open transaction for three more reads
        StableEndBlackboard blackboard = new StableEndBlackboard(3);
        MissionView view = MissionView.open(blackboard, "m-1");
        BlackboardEvent started = started("w-1");

        // When the lane appends and waits for its append to be read back
        view.append(started);
        boolean readBack = view.awaitReadBack(Duration.ofSeconds(30));

        // Then it waited until the event was readable, and the event is now logged
        assertThat(readBack).isTrue();
        assertThat(view.logged()).containsKey(started.getHeader().getEventId());
    }

    @Test
    void shouldGiveUpWhenTheAppendStaysUnreadable() throws InterruptedException {
        // Given a partition whose readable end never passes the lane's append
        StableEndBlackboard blackboard = new StableEndBlackboard(Integer.MAX_VALUE);
        MissionView view = MissionView.open(blackboard, "m-1");
        BlackboardEvent started = started("w-1");

        // When the lane appends and waits briefly
        view.append(started);
        boolean readBack = view.awaitReadBack(Duration.ofMillis(50));

        // Then it reports that its append is not readable, and the event is known but not logged
        assertThat(readBack).isFalse();
        assertThat(view.find(started.getHeader().getEventId())).isPresent();
        assertThat(view.logged()).doesNotContainKey(started.getHeader().getEventId());
    }

    private static BlackboardEvent started(String worker) {
        return Events.create(new EventOrigin("m-1", "a", 1, worker, null, null),
                new LaneStarted(worker, 1, List.of("src/")), Instant.EPOCH, "started");
    }

    /** A log whose readable end (the last stable offset) lags appends for a number of end-offset reads. */
    private static final class StableEndBlackboard implements BlackboardAccess {

        private final List<BlackboardEvent> log = new ArrayList<>();
        private int lagReads;

        private StableEndBlackboard(int lagReads) {
            this.lagReads = lagReads;
        }

        @Override
        public synchronized long endOffset(String missionId) {
            if (log.isEmpty() || lagReads-- > 0) {
                return 0;
            }
            return log.size();
        }

        @Override
        public synchronized List<BlackboardEvent> read(String missionId, long fromOffset, long toOffset) {
            return List.copyOf(log.subList((int) fromOffset, (int) toOffset));
        }

        @Override
        public synchronized void append(BlackboardEvent event) {
            log.add(event);
        }
    }
}
