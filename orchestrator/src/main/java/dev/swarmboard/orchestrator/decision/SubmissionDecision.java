package dev.swarmboard.orchestrator.decision;

import dev.swarmboard.orchestrator.mission.MissionHash;
import dev.swarmboard.orchestrator.plan.AuditLanes;
import dev.swarmboard.orchestrator.plan.Planner;
import dev.swarmboard.orchestrator.state.MissionState;
import dev.swarmboard.orchestrator.validation.MissionValidator;
import dev.swarmboard.orchestrator.validation.ReasonCode;
import dev.swarmboard.orchestrator.validation.Reasons;
import dev.swarmboard.orchestrator.validation.Validation;
import dev.swarmboard.schema.CommandHeader;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.schema.event.MissionAccepted;
import dev.swarmboard.schema.event.MissionRejected;
import java.util.ArrayList;
import java.util.List;

/**
 * SubmitMission: a mission id already decided with the same content is a no-op, with other content
 * it is refused; an invalid mission is rejected with every reason; a valid one is accepted and its
 * plan issued, or proposed and paused when it asks for confirmation or holds an undecidable case.
 */
final class SubmissionDecision {

    private final MissionValidator validator;

    SubmissionDecision(MissionValidator validator) {
        this.validator = validator;
    }

    Outcome decide(MissionState state, CommandHeader header, SubmitMission submit, Emitter emitter) {
        MissionSpec spec = submit.getMission();
        String hash = MissionHash.of(spec);
        if (state.submissionHash().isPresent()) {
            return state.submissionHash().get().equals(hash)
                    ? Outcome.none("mission " + state.missionId() + " resubmitted with the same content: no-op")
                    : reject(emitter, header, hash, List.of(Reasons.of(ReasonCode.DUPLICATE_MISSION_ID, "id",
                    "mission id " + state.missionId() + " was submitted before with other content (hash "
                            + state.submissionHash().get() + ")")));
        }
        if (!spec.getMissionId().equals(header.getMissionId())) {
            return reject(emitter, header, hash, List.of(Reasons.of(ReasonCode.INVALID_ID, "id", "the command names"
                    + " mission " + header.getMissionId() + " but its spec names " + spec.getMissionId())));
        }
        Validation validation = validator.validate(spec, header.getIssuedAt(), emitter.now());
        if (validation.rejected()) {
            return reject(emitter, header, hash, validation.reasons());
        }
        Outcome accepted = Outcome.of("mission " + spec.getMissionId() + " accepted", List.of(emitter.event(
                new MissionAccepted(spec, hash, header.getIssuedBy()))));
        Plan plan = AuditLanes.attach(Planner.plan(spec, validation, 1, null), validator.audit(spec));
        List<Reason> pauseReasons = new ArrayList<>();
        if (spec.getConstraints().getRequiresConfirmation()) {
            pauseReasons.add(Reasons.of(ReasonCode.CONFIRMATION_REQUIRED, "constraints.requires_confirmation",
                    "the mission asks for a person's approval before its plan runs"));
        }
        pauseReasons.addAll(validation.undecidable());
        return accepted.then(pauseReasons.isEmpty() ? Issuing.issue(emitter, spec, plan)
                : Issuing.propose(emitter, plan, Issuing.APPROVAL, pauseReasons));
    }

    private static Outcome reject(Emitter emitter, CommandHeader header, String hash, List<Reason> reasons) {
        return Outcome.of("mission " + header.getMissionId() + " rejected: " + Reasons.render(reasons),
                List.of(emitter.event(new MissionRejected(reasons, hash), header.getCommandId())));
    }
}
