package dev.swarmboard.orchestrator.plan;

import dev.swarmboard.schema.PlannedLane;
import java.util.ArrayList;
import java.util.List;

/**
 * What cancelling a plan undoes, step by step, in words a person can follow. The orchestrator
 * itself changes nothing outside the blackboard; lane tools may, inside their lane's scope; lanes with
 * a workspace change only their own checkouts; only a delivered (digested) workspace mission leaves a
 * branch in the repository, and the last steps say how to remove or revert it.
 */
public final class RevertPaths {

    private RevertPaths() {
    }

    public static List<String> of(String missionId, String planId, List<PlannedLane> lanes) {
        List<String> steps = new ArrayList<>();
        steps.add("stop plan " + planId + ": no further RunLane is sent and no re-run is scheduled; lane attempts"
                + " already running finish and are not retried");
        for (PlannedLane lane : lanes) {
            if (lane.getWorkspace() != null) {
                steps.add("lane " + lane.getLaneId() + ": its changes and tool runs stayed in its own checkouts of "
                        + lane.getWorkspace().getRepo() + " at " + lane.getWorkspace().getBase()
                        + " (removed after each attempt); the repository itself is not changed");
            } else if (lane.getTools().isEmpty()) {
                steps.add("lane " + lane.getLaneId() + ": wrote only artifacts " + lane.getRequiredArtifacts()
                        + " to the blackboard; nothing to undo outside it");
            } else {
                steps.add("lane " + lane.getLaneId() + ": undo what tools " + lane.getTools()
                        + " changed inside scope " + lane.getScope());
            }
        }
        lanes.stream().map(PlannedLane::getWorkspace).filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(workspace -> steps.add("if the mission was delivered (its digest published): delete branch"
                        + " swarm/" + missionId + " with `git -C " + workspace.getRepo() + " branch -D swarm/"
                        + missionId + "`, or once merged revert it with `git revert --no-edit swarm/" + missionId
                        + "` (the delivered commit; its parent is the base " + workspace.getBase() + "); reports/" + missionId
                        + ".patch is only a file"));
        steps.add("keep the blackboard as it is: every event of the mission stays as its audit record");
        return steps;
    }
}
