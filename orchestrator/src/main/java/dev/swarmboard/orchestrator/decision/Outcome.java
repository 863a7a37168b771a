package dev.swarmboard.orchestrator.decision;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.RunLane;
import java.util.ArrayList;
import java.util.List;

/**
 * What one decision produces: blackboard events and lane tasks, written together in one
 * transaction, and a note for the log saying why (also when nothing is produced).
 */
public record Outcome(List<BlackboardEvent> events, List<RunLane> tasks, String note) {

    public Outcome {
        events = List.copyOf(events);
        tasks = List.copyOf(tasks);
    }

    public static Outcome none(String note) {
        return new Outcome(List.of(), List.of(), note);
    }

    public static Outcome of(String note, List<BlackboardEvent> events) {
        return new Outcome(events, List.of(), note);
    }

    public boolean isEmpty() {
        return events.isEmpty() && tasks.isEmpty();
    }

    /** This outcome followed by another; the notes are joined. */
    public Outcome then(Outcome next) {
        List<BlackboardEvent> allEvents = new ArrayList<>(events);
        allEvents.addAll(next.events);
        List<RunLane> allTasks = new ArrayList<>(tasks);
        allTasks.addAll(next.tasks);
        return new Outcome(allEvents, allTasks, note + "; " + next.note);
    }
}
