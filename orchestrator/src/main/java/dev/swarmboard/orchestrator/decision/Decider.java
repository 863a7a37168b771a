package dev.swarmboard.orchestrator.decision;

import dev.swarmboard.orchestrator.state.MissionState;
import dev.swarmboard.orchestrator.validation.MissionValidator;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.CommandHeader;
import dev.swarmboard.schema.MissionCommand;
import dev.swarmboard.schema.command.ApproveMission;
import dev.swarmboard.schema.command.CancelMission;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.schema.event.IntegrationCompleted;
import dev.swarmboard.schema.event.IntegrationFailed;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.QuorumReached;
import java.time.Instant;
import java.util.Optional;

/**
 * The orchestrator's decisions as pure functions of (mission state, input, now) to an
 * {@link Outcome}: commands from the missions topic, and the blackboard facts it reacts to
 * (verdicts, lane yields and failed integrations). It never calls a model or a tool; it only plans.
 */
public final class Decider {

    private final String producer;
    private final SubmissionDecision submissions;
    private final CommandDecision commands = new CommandDecision();
    private final IntegrationDecision integrations = new IntegrationDecision();
    private final VerdictDecision verdicts = new VerdictDecision(integrations);
    private final YieldDecision yields;
    private final AuditDecision audits = new AuditDecision();
    private final EscalationDecision escalations = new EscalationDecision();

    public Decider(MissionValidator validator, String producer) {
        this.producer = producer;
        this.submissions = new SubmissionDecision(validator);
        this.yields = new YieldDecision(validator);
    }

    /** Whether a blackboard event may lead to a decision (all others only update state). */
    public static boolean reactsTo(BlackboardEvent event) {
        Object payload = event.getPayload();
        return payload instanceof QuorumReached || payload instanceof LaneYielded || payload instanceof LaneFailed
                || payload instanceof IntegrationFailed || payload instanceof IntegrationCompleted
                || payload instanceof dev.swarmboard.schema.event.DigestPublished;
    }

    public Outcome onCommand(MissionState state, MissionCommand command, Instant now) {
        return onCommand(state, command, now, command.getHeader().getTraceparent());
    }

    /** Decides on a command; the events and lane tasks it leads to carry {@code traceparent}. */
    public Outcome onCommand(MissionState state, MissionCommand command, Instant now, String traceparent) {
        CommandHeader header = command.getHeader();
        Emitter emitter = new Emitter(header.getMissionId(), producer, now, header.getCommandId(), traceparent);
        Object payload = command.getPayload();
        if (payload instanceof SubmitMission submit) {
            return submissions.decide(state, header, submit, emitter);
        }
        if (payload instanceof ApproveMission approve) {
            return commands.approve(state, header, approve, emitter);
        }
        if (payload instanceof CancelMission cancel) {
            return commands.cancel(state, header, cancel, emitter);
        }
        throw new IllegalArgumentException("unsupported command " + payload.getClass().getSimpleName());
    }

    /**
     * The answer when the records decided for a command or a fact could not be written: a rejection
     * of the submission, or the mission's failure, with the problem as a RECORD_REFUSED reason.
     */
    public Outcome onRefusedOutput(MissionState state, String causationId, String traceparent, Object cause,
                                   String problem, Instant now) {
        return RefusedOutput.decide(state, cause, problem, new Emitter(state.missionId(), producer, now, causationId,
                traceparent));
    }

    /** Decides on a blackboard event; {@code state} must already include it. */
    public Outcome onEvent(MissionState state, BlackboardEvent event, Instant now) {
        return onEvent(state, event, now, event.getHeader().getTraceparent());
    }

    /** Decides on a blackboard event; the events and lane tasks it leads to carry {@code traceparent}. */
    public Outcome onEvent(MissionState state, BlackboardEvent event, Instant now, String traceparent) {
        Emitter emitter = new Emitter(state.missionId(), producer, now, event.getHeader().getEventId(), traceparent);
        Object payload = event.getPayload();
        Optional<Outcome> audit = audits.decide(state, event, emitter);
        if (audit.isPresent()) {
            return audit.get();
        }
        if (payload instanceof QuorumReached verdict) {
            return verdicts.decide(state, verdict, emitter);
        }
        if (payload instanceof IntegrationFailed failed) {
            return integrations.failed(state, failed, emitter);
        }
        if (payload instanceof dev.swarmboard.schema.event.DigestPublished digest) {
            return escalations.digest(state, digest, emitter);
        }
        if (payload instanceof IntegrationCompleted) {
            return Outcome.none("integration completed; the plan has no audit lane");
        }
        if (reactsTo(event)) {
            return yields.decide(state, event, emitter);
        }
        return Outcome.none(event.getHeader().getType() + " only updates state");
    }

    /** The confirmation timeout a paused mission waits under, if any (see {@link #onConfirmationTimeout}). */
    public static Optional<java.time.Duration> confirmationTimeout(MissionState state) {
        return EscalationDecision.timeout(state);
    }

    /**
     * Decides, as of {@code now}, on a mission paused since {@code pausedAt} (the time its
     * MissionPaused recorded): past its confirmation timeout it is cancelled and escalated.
     */
    public Outcome onConfirmationTimeout(MissionState state, String pausedEventId, Instant pausedAt, Instant now) {
        Emitter emitter = new Emitter(state.missionId(), producer, now, pausedEventId, null);
        return escalations.confirmationTimeout(state, pausedAt, emitter);
    }
}
