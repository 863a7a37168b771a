package dev.swarmboard.orchestrator.decision;

import dev.swarmboard.orchestrator.escalation.ConfirmationTimeout;
import dev.swarmboard.orchestrator.state.MissionPhase;
import dev.swarmboard.orchestrator.state.MissionState;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.ContactPolicy;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.Escalation;
import dev.swarmboard.schema.event.MissionCancelled;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Escalations that are not failures: the published digest goes to {@code contact.digest}, and a
 * mission paused for approval past its {@code constraints.confirmation_timeout} is cancelled with
 * {@value ConfirmationTimeout#REASON} and escalated to {@code contact.timeout}.
 */
final class EscalationDecision {

    static final String APPROVAL = "APPROVAL";

    Outcome digest(MissionState state, DigestPublished digest, Emitter emitter) {
        String to = state.spec().map(spec -> spec.getContactPolicy().getDigest()).orElse("");
        if (to.isBlank()) {
            return Outcome.none("digest published; the mission names no digest contact");
        }
        BlackboardEvent escalation = emitter.event(new Escalation("DIGEST", to, digestMessage(state, digest)), "DIGEST");
        if (state.applied().contains(escalation.getHeader().getEventId())) {
            return Outcome.none("the digest of mission " + state.missionId() + " was escalated already");
        }
        return Outcome.of("digest of mission " + state.missionId() + " escalated to its digest contact",
                List.of(escalation));
    }

    private static String digestMessage(MissionState state, DigestPublished digest) {
        return "mission " + state.missionId() + " digest: " + digest.getBluf()
                + (digest.getReportPath().isEmpty() ? "" : " (report " + digest.getReportPath() + ")");
    }

    /** The timeout of a mission paused for approval, if it has one. */
    static Optional<Duration> timeout(MissionState state) {
        if (state.phase() != MissionPhase.PAUSED || !APPROVAL.equals(state.awaiting().orElse(""))) {
            return Optional.empty();
        }
        return state.spec().map(spec -> spec.getConstraints().getConfirmationTimeout())
                .flatMap(ConfirmationTimeout::parse);
    }

    Outcome confirmationTimeout(MissionState state, Instant pausedAt, Emitter emitter) {
        Optional<Duration> timeout = timeout(state);
        if (timeout.isEmpty() || !ConfirmationTimeout.expired(pausedAt, timeout.get(), emitter.now())) {
            return Outcome.none("mission " + state.missionId() + " is not past a confirmation timeout");
        }
        List<String> revertPath = state.currentPlan().map(Plan::getRevertPath).orElse(List.of());
        List<BlackboardEvent> events = new ArrayList<>();
        events.add(emitter.event(new MissionCancelled(ConfirmationTimeout.REASON, "orchestrator", revertPath)));
        ContactPolicy contact = state.spec().orElseThrow().getContactPolicy();
        if (!contact.getTimeout().isBlank()) {
            events.add(emitter.event(new Escalation("TIMEOUT", contact.getTimeout(), "mission " + state.missionId()
                    + " waited " + timeout.get() + " for approval since " + pausedAt + " and was cancelled ("
                    + ConfirmationTimeout.REASON + ")"), "TIMEOUT"));
        }
        return Outcome.of("mission " + state.missionId() + " cancelled: " + ConfirmationTimeout.REASON, events);
    }
}
