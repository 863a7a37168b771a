package dev.swarmboard.orchestrator.decision;

import dev.swarmboard.orchestrator.mission.MissionHash;
import dev.swarmboard.orchestrator.state.MissionState;
import dev.swarmboard.orchestrator.validation.ReasonCode;
import dev.swarmboard.orchestrator.validation.Reasons;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.schema.event.MissionFailed;
import dev.swarmboard.schema.event.MissionRejected;
import java.util.List;

/**
 * The answer when the records a decision produced cannot be written (over the record size limit,
 * or refused by the broker): a submission is rejected, a running mission fails, both with a
 * {@code RECORD_REFUSED} reason naming the record and the error. The input is then consumed, so one
 * record can never hold its partition, or other missions' commands, in an abort loop.
 */
final class RefusedOutput {

    private RefusedOutput() {
    }

    static Outcome decide(MissionState state, Object cause, String problem, Emitter emitter) {
        Reason reason = Reasons.of(ReasonCode.RECORD_REFUSED, "", problem);
        if (cause instanceof SubmitMission submit && state.submissionHash().isEmpty()) {
            return Outcome.of("mission " + state.missionId() + " rejected: " + problem, List.of(emitter.event(
                    new MissionRejected(List.of(reason), MissionHash.of(submit.getMission())), emitter.causationId())));
        }
        if (state.phase().ended() || state.submissionHash().isEmpty()) {
            return Outcome.none("output for mission " + state.missionId() + " refused and dropped: " + problem);
        }
        return Outcome.of("mission " + state.missionId() + " failed: " + problem, List.of(emitter.event(
                new MissionFailed(List.of(reason), List.of()), "refused", emitter.causationId())));
    }
}
