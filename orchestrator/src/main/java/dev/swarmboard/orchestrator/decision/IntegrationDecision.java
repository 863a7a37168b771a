package dev.swarmboard.orchestrator.decision;

import dev.swarmboard.change.IntegrationLane;
import dev.swarmboard.orchestrator.state.MissionFold;
import dev.swarmboard.orchestrator.state.MissionPhase;
import dev.swarmboard.orchestrator.state.MissionState;
import dev.swarmboard.orchestrator.state.PlanProgress;
import dev.swarmboard.schema.IntegrationTask;
import dev.swarmboard.schema.KeyValue;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.Workspace;
import dev.swarmboard.schema.event.IntegrationFailed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Integration of a workspace plan: after a round's PASS the orchestrator plans one integration task
 * (lane {@value IntegrationLane#ID}, attempt = the round) naming the round's yields in plan order; a
 * lane worker performs it. An IntegrationFailed is handled like a failed round: targeted re-runs of
 * the lanes it names, each told why, within {@code max_reruns}; then MissionFailed.
 */
final class IntegrationDecision {

    Outcome plan(MissionState state, PlanProgress progress, int round, Emitter emitter) {
        Workspace workspace = progress.plan().getLanes().get(0).getWorkspace();
        PlannedLane lane = PlannedLane.newBuilder().setLaneId(IntegrationLane.ID)
                .setObjective("combine the changes of round " + round + " on the base and run the workspace's tests")
                .setRole(IntegrationLane.ROLE).setTools(workspace.getTests()).setWorkspace(workspace).build();
        RunLane task = RunLane.newBuilder(LaneTasks.task(state.spec().orElseThrow(), progress.plan(), lane, round,
                        List.of(), List.of(), emitter.now(), emitter.traceparent()))
                .setIntegration(new IntegrationTask(round, emitter.causationId(), progress.latestYields())).build();
        return new Outcome(List.of(), List.of(task), "round " + round + " passed: integrating "
                + progress.latestYields().size() + " lanes");
    }

    Outcome failed(MissionState state, IntegrationFailed failed, Emitter emitter) {
        int round = failed.getRound();
        if (state.phase() != MissionPhase.RUNNING || state.progress().isEmpty()
                || !MissionFold.forLanePlanInForce(state, "")) {
            return Outcome.none("integration of round " + round + " failed for a mission that is " + state.phase()
                    + ": ignored");
        }
        PlanProgress progress = state.progress().get();
        if (progress.handledRound(round)) {
            return Outcome.none("integration of round " + round + " was already handled: ignored");
        }
        List<String> planned = progress.plan().getLanes().stream().map(PlannedLane::getLaneId).toList();
        List<String> lanes = planned.stream().filter(failed.getLanes()::contains).toList();
        Map<String, List<String>> laneReasons = new LinkedHashMap<>();
        for (KeyValue reason : failed.getLaneReasons()) {
            laneReasons.computeIfAbsent(reason.getKey(), key -> new ArrayList<>()).add(reason.getValue());
        }
        return Retries.retryOrFail(state, progress, round, lanes.isEmpty() ? planned : lanes, failed.getReasons(),
                laneReasons, emitter);
    }
}
