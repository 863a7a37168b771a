package dev.swarmboard.orchestrator.decision;

import dev.swarmboard.orchestrator.state.MissionPhase;
import dev.swarmboard.orchestrator.state.MissionState;
import dev.swarmboard.orchestrator.state.PlanProgress;
import dev.swarmboard.orchestrator.validation.MissionLimits;
import dev.swarmboard.orchestrator.validation.ReasonCode;
import dev.swarmboard.orchestrator.validation.Reasons;
import dev.swarmboard.schema.command.ApproveMission;
import dev.swarmboard.schema.command.CancelMission;
import dev.swarmboard.schema.CommandHeader;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.event.MissionCancelled;
import dev.swarmboard.schema.event.MissionRejected;
import dev.swarmboard.schema.event.MissionResumed;
import java.util.List;

/**
 * ApproveMission and CancelMission. Approve resumes a paused mission: a proposed plan is issued, or
 * after a failed canary the rest of the lanes are sent. Cancel ends any mission that has not ended,
 * with its reason and the plan's revert path. A command that does not fit the mission's phase is
 * answered with a MissionRejected reason (caused by the command), never silence.
 */
final class CommandDecision {

    Outcome approve(MissionState state, CommandHeader header, ApproveMission approve, Emitter emitter) {
        if (MissionLimits.overNote(approve.getNote())) {
            return refuse(state, header, emitter, ReasonCode.LIMIT_EXCEEDED, MissionLimits.noteMessage("the note"));
        }
        if (state.phase() != MissionPhase.PAUSED) {
            return refuse(state, header, emitter, state.phase() == MissionPhase.NEW ? ReasonCode.UNKNOWN_MISSION
                    : ReasonCode.NOT_PAUSED, "approve needs a paused mission; it is " + describe(state));
        }
        Plan plan = Issuing.CANARY_DECISION.equals(state.awaiting().orElse(""))
                ? state.progress().map(PlanProgress::plan).orElseThrow() : state.proposed().orElseThrow();
        if (!approve.getPlanId().isEmpty() && !approve.getPlanId().equals(plan.getPlanId())) {
            return refuse(state, header, emitter, ReasonCode.STALE_PLAN, "approve names plan " + approve.getPlanId()
                    + " but the mission awaits a decision on plan " + plan.getPlanId());
        }
        Outcome resumed = Outcome.of("mission " + state.missionId() + " approved by " + header.getIssuedBy(),
                List.of(emitter.event(new MissionResumed(header.getIssuedBy(), approve.getNote()),
                        header.getCommandId())));
        var spec = state.spec().orElseThrow();
        if (Issuing.CANARY_DECISION.equals(state.awaiting().orElse(""))) {
            return resumed.then(Issuing.release(emitter, spec, state.progress().orElseThrow()));
        }
        return resumed.then(Issuing.issue(emitter, spec, plan));
    }

    Outcome cancel(MissionState state, CommandHeader header, CancelMission cancel, Emitter emitter) {
        if (MissionLimits.overNote(cancel.getReason())) {
            return refuse(state, header, emitter, ReasonCode.LIMIT_EXCEEDED, MissionLimits.noteMessage("the reason"));
        }
        if (state.phase() == MissionPhase.NEW) {
            return refuse(state, header, emitter, ReasonCode.UNKNOWN_MISSION, "cancel names a mission never submitted");
        }
        if (state.phase().ended()) {
            return refuse(state, header, emitter, ReasonCode.ALREADY_ENDED, "the mission has already ended: "
                    + describe(state));
        }
        List<String> revertPath = state.currentPlan().map(Plan::getRevertPath).orElse(List.of());
        return Outcome.of("mission " + state.missionId() + " cancelled: " + cancel.getReason(), List.of(emitter.event(
                new MissionCancelled(cancel.getReason(), header.getIssuedBy(), revertPath))));
    }

    private static Outcome refuse(MissionState state, CommandHeader header, Emitter emitter, ReasonCode code,
                                  String message) {
        var reason = Reasons.of(code, "missionId", message);
        return Outcome.of("command " + header.getCommandId() + " refused: " + Reasons.render(reason),
                List.of(emitter.event(new MissionRejected(List.of(reason), ""), header.getCommandId())));
    }

    private static String describe(MissionState state) {
        return state.phase().name().toLowerCase(java.util.Locale.ROOT)
                + state.awaiting().map(awaiting -> " (awaiting " + awaiting + ")").orElse("");
    }
}
