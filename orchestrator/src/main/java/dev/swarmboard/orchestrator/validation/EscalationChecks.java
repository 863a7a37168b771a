package dev.swarmboard.orchestrator.validation;

import dev.swarmboard.orchestrator.escalation.ConfirmationTimeout;
import dev.swarmboard.orchestrator.escalation.Contact;
import dev.swarmboard.schema.ContactPolicy;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import java.util.List;

/**
 * The mission's contacts ({@link Contact}: no literal webhook URL, a legal topic name) and its
 * {@code constraints.confirmation_timeout} (a positive ISO-8601 duration).
 */
final class EscalationChecks {

    private EscalationChecks() {
    }

    static void check(MissionSpec spec, List<Reason> rejections) {
        ContactPolicy contact = spec.getContactPolicy();
        contact("contact.digest", contact.getDigest(), rejections);
        contact("contact.critical", contact.getCritical(), rejections);
        contact("contact.timeout", contact.getTimeout(), rejections);
        String timeout = spec.getConstraints().getConfirmationTimeout();
        if (timeout != null && ConfirmationTimeout.parse(timeout).isEmpty()) {
            rejections.add(Reasons.of(ReasonCode.INVALID_CONFIRMATION_TIMEOUT, "constraints.confirmation_timeout",
                    "'" + timeout + "' is not a positive ISO-8601 duration (PT15M) of at most "
                            + ConfirmationTimeout.LONGEST.toDays() + " days"));
        }
    }

    private static void contact(String field, String written, List<Reason> rejections) {
        if (written == null || written.isBlank()) {
            return;
        }
        Contact.parse(written).problem().ifPresent(problem ->
                rejections.add(Reasons.of(ReasonCode.INVALID_CONTACT, field, problem)));
    }
}
