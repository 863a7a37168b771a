package dev.swarmboard.signing;

import dev.swarmboard.schema.BlackboardEvent;

/**
 * A fact the trust file refuses: the dead letter's exception, naming the fact, its signer and why.
 * The consuming service ignores the fact and goes on.
 */
public final class UntrustedFactException extends RuntimeException {

    public UntrustedFactException(BlackboardEvent event, FactCheck check) {
        super(event.getHeader().getType() + " " + event.getHeader().getEventId() + " of mission "
                + event.getHeader().getMissionId() + " (signer " + check.signer() + ") refused: " + check.problem(),
                null, false, false);
    }
}
