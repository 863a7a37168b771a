package dev.swarmboard.orchestrator.mission;

import dev.swarmboard.orchestrator.plan.Planner;
import dev.swarmboard.orchestrator.validation.Reasons;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.DigestRejected;
import dev.swarmboard.schema.event.MissionAccepted;
import dev.swarmboard.schema.event.MissionCancelled;
import dev.swarmboard.schema.event.MissionFailed;
import dev.swarmboard.schema.event.MissionPaused;
import dev.swarmboard.schema.event.MissionRejected;
import dev.swarmboard.schema.event.MissionResumed;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.QuorumReached;
import java.util.HashSet;
import java.util.Set;

/**
 * The outcome of one submission as a pure fold over its mission's events, for {@code swarm submit
 * --wait}: a digest after a PASS is success (exit 0), MissionFailed, MissionCancelled or
 * DigestRejected is failure (exit 1), and a rejection of this command, or of the same content
 * submitted before, is exit 2. Answers to other commands on the same mission are not this
 * submission's outcome and are skipped.
 */
public final class MissionStatus {

    /** How far the followed submission got. */
    public enum Stage { SUBMITTED, RUNNING, PAUSED, VERIFIED, COMPLETED, FAILED, CANCELLED, REJECTED }

    private final String commandId;
    private final String missionHash;
    private final Set<String> planningPlans = new HashSet<>();
    private Stage stage = Stage.SUBMITTED;
    private String summary = "";
    private boolean following;

    private MissionStatus(String commandId, String missionHash) {
        this.commandId = commandId;
        this.missionHash = missionHash;
    }

    /** Follows the submission with this command id of a mission with this content hash. */
    public static MissionStatus follow(String commandId, String missionHash) {
        return new MissionStatus(commandId, missionHash);
    }

    /** Folds the next event of the mission, in log order; returns this status. */
    public MissionStatus apply(BlackboardEvent event) {
        if (finished()) {
            return this;
        }
        Object payload = event.getPayload();
        if (payload instanceof MissionRejected rejected && concernsThisSubmission(event, rejected)) {
            finish(Stage.REJECTED, Reasons.render(rejected.getReasons()));
        } else if (payload instanceof MissionAccepted accepted) {
            following = accepted.getMissionHash().equals(missionHash);
            stage = following ? Stage.RUNNING : stage;
        } else if (following) {
            progress(payload);
        }
        return this;
    }

    private boolean concernsThisSubmission(BlackboardEvent event, MissionRejected rejected) {
        return commandId.equals(event.getHeader().getCausationId())
                || (!following && stage == Stage.SUBMITTED && missionHash.equals(rejected.getMissionHash()));
    }

    private void progress(Object payload) {
        if (payload instanceof PlanIssued issued && Planner.isPlanning(issued.getPlan())) {
            planningPlans.add(issued.getPlan().getPlanId());
        } else if (payload instanceof MissionPaused paused) {
            stage = Stage.PAUSED;
            summary = "awaiting " + paused.getAwaiting() + ": " + Reasons.render(paused.getReasons());
        } else if (payload instanceof MissionResumed) {
            stage = Stage.RUNNING;
        } else if (payload instanceof QuorumReached verdict && "PASS".equals(verdict.getVerdict())
                && !planningPlans.contains(verdict.getPlanId())) {
            stage = Stage.VERIFIED;
        } else if (payload instanceof DigestPublished digest) {
            finish(Stage.COMPLETED, digest.getBluf());
        } else if (payload instanceof DigestRejected rejected) {
            finish(Stage.FAILED, Reasons.render(rejected.getReasons()));
        } else if (payload instanceof MissionFailed failed) {
            finish(Stage.FAILED, Reasons.render(failed.getReasons()));
        } else if (payload instanceof MissionCancelled cancelled) {
            finish(Stage.CANCELLED, cancelled.getReason());
        }
    }

    private void finish(Stage end, String why) {
        stage = end;
        summary = why;
    }

    public Stage stage() {
        return stage;
    }

    /** The digest's BLUF, the reasons of a failure or rejection, or what a pause awaits. */
    public String summary() {
        return summary;
    }

    public boolean finished() {
        return stage == Stage.COMPLETED || stage == Stage.FAILED || stage == Stage.CANCELLED
                || stage == Stage.REJECTED;
    }

    /** 0 completed, 1 failed or cancelled, 2 rejected; -1 while the mission is still going. */
    public int exitCode() {
        return switch (stage) {
            case COMPLETED -> 0;
            case FAILED, CANCELLED -> 1;
            case REJECTED -> 2;
            default -> -1;
        };
    }
}
