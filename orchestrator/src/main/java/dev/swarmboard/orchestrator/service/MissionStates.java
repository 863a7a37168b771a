package dev.swarmboard.orchestrator.service;

import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.orchestrator.decision.Decider;
import dev.swarmboard.orchestrator.state.MissionFold;
import dev.swarmboard.orchestrator.state.MissionState;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.MissionStart;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded cache of mission states. A miss replays the mission's committed events from its start on
 * its blackboard partition (see {@link MissionLoader}); afterwards the state follows the events the
 * orchestrator writes and the ones its subscription delivers (the fold ignores what it has already
 * seen). Each cached mission also keeps where it starts and whether the mission index holds that yet.
 * Cleared whenever a transaction aborts, since the cache may then hold facts that were never committed.
 */
final class MissionStates {

    private final MissionLoader loader;
    private final Map<String, Cached> states;
    private final java.util.function.Consumer<BlackboardEvent> replayed;

    MissionStates(MissionLoader loader, int capacity) {
        this(loader, capacity, event -> { });
    }

    /** A cache that also shows every replayed event to {@code replayed} (the paused-mission tracker). */
    MissionStates(MissionLoader loader, int capacity, java.util.function.Consumer<BlackboardEvent> replayed) {
        this.replayed = replayed;
        this.loader = loader;
        this.states = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The state of the mission a command names, loaded if needed. */
    MissionState get(String missionId) {
        return cached(missionId, true).state();
    }

    /** The state of the mission a blackboard fact names, loaded if needed. */
    MissionState getForFact(String missionId) {
        return cached(missionId, false).state();
    }

    private Cached cached(String missionId, boolean command) {
        Cached cached = states.get(missionId);
        if (cached == null) {
            cached = remember(missionId, command ? loader.forCommand(missionId) : loader.forFact(missionId));
        }
        return cached;
    }

    /**
     * Reads a mission again from its start, caches its state and returns its events (the follow-ups
     * of a partition taken over are decided from them).
     */
    LoadedMission reload(String missionId) {
        LoadedMission loaded = loader.forFact(missionId);
        remember(missionId, loaded);
        return loaded;
    }

    private Cached remember(String missionId, LoadedMission loaded) {
        loaded.events().forEach(recorded -> replayed.accept(recorded.event()));
        Cached cached = new Cached(MissionState.replay(missionId,
                loaded.events().stream().map(RecordedEvent::event).toList()), loaded.start(), loaded.indexed());
        states.put(missionId, cached);
        return cached;
    }

    /** Whether the cached mission waits for approval under a confirmation timeout (false when not cached). */
    boolean waitsUnderTimeout(String missionId) {
        Cached cached = states.get(missionId);
        return cached != null && Decider.confirmationTimeout(cached.state()).isPresent();
    }

    /** Loads the event's mission if needed, folds the event in and returns the new state. */
    MissionState applyLoading(BlackboardEvent event) {
        Cached cached = cached(event.getHeader().getMissionId(), false);
        MissionState state = MissionFold.apply(cached.state(), event);
        states.put(event.getHeader().getMissionId(), cached.with(state));
        return state;
    }

    /** Folds the event into its mission's state, if that state is cached. */
    void apply(BlackboardEvent event) {
        states.computeIfPresent(event.getHeader().getMissionId(),
                (id, cached) -> cached.with(MissionFold.apply(cached.state(), event)));
    }

    /** Where the cached mission starts on the blackboard; empty when it is not cached. */
    Optional<MissionStart> start(String missionId) {
        return Optional.ofNullable(states.get(missionId)).map(Cached::start);
    }

    /** True once, for a cached mission whose start is not in the index yet: the caller writes it. */
    boolean claimIndexing(String missionId) {
        Cached cached = states.get(missionId);
        if (cached == null || cached.indexed()) {
            return false;
        }
        states.put(missionId, new Cached(cached.state(), cached.start(), true));
        return true;
    }

    void clear() {
        states.clear();
    }

    private record Cached(MissionState state, MissionStart start, boolean indexed) {
        Cached with(MissionState next) {
            return new Cached(next, start, indexed);
        }
    }
}
