package dev.swarmboard.orchestrator.service;

import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.orchestrator.state.MissionFold;
import dev.swarmboard.orchestrator.state.MissionState;
import dev.swarmboard.schema.BlackboardEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded cache of mission states. A miss replays the mission's committed events from its
 * blackboard partition; afterwards the state follows the events the orchestrator writes and the
 * ones its subscription delivers (the fold ignores what it has already seen). Cleared whenever a
 * transaction aborts, since the cache may then hold facts that were never committed.
 */
final class MissionStates {

    private final Function<String, MissionLog> reader;
    private final Map<String, MissionState> states;

    MissionStates(Function<String, MissionLog> reader, int capacity) {
        this.reader = reader;
        this.states = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MissionState> eldest) {
                return size() > capacity;
            }
        };
    }

    MissionState get(String missionId) {
        MissionState state = states.get(missionId);
        if (state == null) {
            state = MissionState.replay(missionId,
                    reader.apply(missionId).events().stream().map(RecordedEvent::event).toList());
            states.put(missionId, state);
        }
        return state;
    }

    /** Loads the event's mission if needed, folds the event in and returns the new state. */
    MissionState applyLoading(BlackboardEvent event) {
        String missionId = event.getHeader().getMissionId();
        MissionState state = MissionFold.apply(get(missionId), event);
        states.put(missionId, state);
        return state;
    }

    /** Folds the event into its mission's state, if that state is cached. */
    void apply(BlackboardEvent event) {
        states.computeIfPresent(event.getHeader().getMissionId(), (id, state) -> MissionFold.apply(state, event));
    }

    void clear() {
        states.clear();
    }
}
