package dev.swarmboard.orchestrator.mission;

import dev.swarmboard.orchestrator.validation.Reasons;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.MissionCancelled;
import dev.swarmboard.schema.event.MissionFailed;
import dev.swarmboard.schema.event.MissionRejected;
import dev.swarmboard.schema.event.MissionResumed;
import java.util.Optional;

/**
 * The orchestrator's answer to one approve or cancel command: the first event it caused
 * ({@code causationId} = the command id). MissionResumed or MissionCancelled is an acceptance; a
 * MissionRejected (NOT_PAUSED, UNKNOWN_MISSION, ALREADY_ENDED, STALE_PLAN, LIMIT_EXCEEDED) or a
 * MissionFailed (RECORD_REFUSED) is a refusal with its reasons.
 *
 * @param accepted whether the command took effect
 * @param type     the answering event's type
 * @param detail   who resumed, the cancel reason, or the refusal's reasons
 */
public record CommandAnswer(boolean accepted, String type, String detail) {

    /** The answer when this event answers the command, else empty. */
    public static Optional<CommandAnswer> of(BlackboardEvent event, String commandId) {
        if (!commandId.equals(event.getHeader().getCausationId())) {
            return Optional.empty();
        }
        Object payload = event.getPayload();
        String type = event.getHeader().getType();
        if (payload instanceof MissionResumed resumed) {
            return Optional.of(new CommandAnswer(true, type, "resumed by " + resumed.getApprovedBy()));
        }
        if (payload instanceof MissionCancelled cancelled) {
            return Optional.of(new CommandAnswer(true, type, "cancelled by " + cancelled.getCancelledBy() + ": "
                    + cancelled.getReason()));
        }
        if (payload instanceof MissionRejected rejected) {
            return Optional.of(new CommandAnswer(false, type, Reasons.render(rejected.getReasons())));
        }
        if (payload instanceof MissionFailed failed) {
            return Optional.of(new CommandAnswer(false, type, Reasons.render(failed.getReasons())));
        }
        return Optional.empty();
    }

    /** One line for a person: {@code MissionResumed: resumed by ada} or {@code refused (MissionRejected): …}. */
    public String render() {
        return (accepted ? type : "refused (" + type + ")") + ": " + detail;
    }
}
