package dev.swarmboard.verifier.topology;

import dev.swarmboard.verifier.state.SortableNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Missions waiting for a verdict, ordered by plan deadline: keys are the zero-padded deadline in
 * epoch milliseconds, a bar and the mission id, so the punctuator reads only the due ones with one
 * range scan instead of visiting every mission.
 */
final class DeadlineIndex {

    private final KeyValueStore<String, String> store;

    DeadlineIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /** A mission due at a deadline. */
    record Due(Instant deadline, String missionId) {
    }

    /** Missions whose deadline is not after {@code now}, earliest first. */
    List<Due> due(Instant now) {
        List<Due> due = new ArrayList<>();
        try (KeyValueIterator<String, String> range = store.range(null, key(now.plusMillis(1), ""))) {
            range.forEachRemaining(entry -> due.add(new Due(deadlineOf(entry.key), entry.value)));
        }
        return due;
    }

    /** Moves a mission's entry from its previous pending deadline to its current one. */
    void move(String missionId, Optional<Instant> previous, Optional<Instant> current) {
        if (Objects.equals(previous, current)) {
            return;
        }
        previous.ifPresent(deadline -> store.delete(key(deadline, missionId)));
        current.ifPresent(deadline -> store.put(key(deadline, missionId), missionId));
    }

    private static String key(Instant deadline, String missionId) {
        return SortableNumber.zeroPadded(deadline.toEpochMilli(), 19) + "|" + missionId;
    }

    private static Instant deadlineOf(String key) {
        return Instant.ofEpochMilli(Long.parseLong(key.substring(0, key.indexOf('|'))));
    }
}
