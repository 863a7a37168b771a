package dev.swarmboard.console;

import dev.swarmboard.console.view.MissionTimeline;
import dev.swarmboard.console.view.MissionView;
import dev.swarmboard.schema.BlackboardEvent;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every mission the console has seen, each folded by its own {@link MissionTimeline}, and the
 * listeners (server-sent event streams) to tell when a mission's view changed. Fed by one thread
 * (the blackboard feed), read by many (HTTP requests).
 */
final class MissionBoard {

    private final Map<String, MissionTimeline> timelines = new ConcurrentHashMap<>();
    private final List<Consumer<MissionView>> listeners = new CopyOnWriteArrayList<>();

    /** Folds an event into its mission and tells the listeners when the view changed. */
    void apply(BlackboardEvent event) {
        String missionId = event.getHeader().getMissionId();
        MissionTimeline timeline = timelines.computeIfAbsent(missionId, MissionTimeline::new);
        MissionView changed;
        synchronized (timeline) {
            changed = timeline.apply(event) ? timeline.view() : null;
        }
        if (changed != null) {
            listeners.forEach(listener -> listener.accept(changed));
        }
    }

    /** Missions, the most recently updated first. */
    List<MissionView> missions() {
        return timelines.values().stream().map(MissionBoard::view)
                .sorted(Comparator.comparing(MissionView::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    Optional<MissionView> mission(String missionId) {
        return Optional.ofNullable(timelines.get(missionId)).map(MissionBoard::view);
    }

    Runnable listen(Consumer<MissionView> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private static MissionView view(MissionTimeline timeline) {
        synchronized (timeline) {
            return timeline.view();
        }
    }
}
