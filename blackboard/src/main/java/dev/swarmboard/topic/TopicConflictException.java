package dev.swarmboard.topic;

import java.util.List;

/** Existing topics whose settings contradict the catalogue; each problem names topic and setting. */
public final class TopicConflictException extends RuntimeException {

    private final List<String> conflicts;

    public TopicConflictException(List<String> conflicts) {
        super("existing topics contradict the catalogue: " + String.join("; ", conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    public List<String> conflicts() {
        return conflicts;
    }
}
