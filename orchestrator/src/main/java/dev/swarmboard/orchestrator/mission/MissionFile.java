package dev.swarmboard.orchestrator.mission;

import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.command.SubmitMission;
import java.util.List;
import java.util.Optional;

/**
 * A mission file as read (and possibly validated) on the client: the command to submit, or every
 * reason it cannot be submitted, each located as {@code field (line n)}. Notes are cases the
 * orchestrator will pause on for a person's approval; they do not make the file invalid.
 */
public record MissionFile(String source, Optional<SubmitMission> submission, List<Reason> reasons,
                          List<Reason> notes) {

    public MissionFile {
        reasons = List.copyOf(reasons);
        notes = List.copyOf(notes);
        if (submission.isPresent() != reasons.isEmpty()) {
            throw new IllegalArgumentException("a mission file holds either a submission or reasons");
        }
    }

    public boolean valid() {
        return reasons.isEmpty();
    }
}
