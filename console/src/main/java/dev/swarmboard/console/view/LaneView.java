package dev.swarmboard.console.view;

import java.util.ArrayList;
import java.util.List;

/**
 * One lane's latest attempt: its stages in plan order, tool runs, changes and outcome.
 *
 * @param state {@code WAITING} (planned, not started), {@code RUNNING}, {@code PASSED} or {@code FAILED}
 * @param outcome the failed checks or reasons, empty while running or after a pass
 */
public record LaneView(String laneId, String objective, int attempt, String state, List<StageView> stages,
                       List<ToolView> tools, List<ChangeView> changes, String outcome) {

    public LaneView {
        stages = List.copyOf(stages);
        tools = List.copyOf(tools);
        changes = List.copyOf(changes);
    }

    static LaneView planned(String laneId, String objective, List<String> stageNames) {
        return new LaneView(laneId, objective, 0, "WAITING", stageNames.stream().map(StageView::planned).toList(),
                List.of(), List.of(), "");
    }

    /** A new attempt starts from its planned stages again. */
    LaneView started(int nextAttempt) {
        if (nextAttempt == attempt && !"WAITING".equals(state)) {
            return this;
        }
        return new LaneView(laneId, objective, nextAttempt, "RUNNING",
                stages.stream().map(stage -> StageView.planned(stage.name())).toList(), List.of(), List.of(), "");
    }

    LaneView withStage(String name, java.util.function.UnaryOperator<StageView> change) {
        List<StageView> next = new ArrayList<>(stages);
        int index = indexOf(name);
        if (index < 0) {
            next.add(change.apply(StageView.planned(name)));
        } else {
            next.set(index, change.apply(next.get(index)));
        }
        return new LaneView(laneId, objective, attempt, running(), next, tools, changes, outcome);
    }

    LaneView withTool(ToolView tool) {
        List<ToolView> next = new ArrayList<>(tools);
        next.add(tool);
        return new LaneView(laneId, objective, attempt, running(), stages, next, changes, outcome);
    }

    LaneView withChange(ChangeView change) {
        List<ChangeView> next = new ArrayList<>(changes);
        next.add(change);
        return new LaneView(laneId, objective, attempt, running(), stages, tools, next, outcome);
    }

    LaneView ended(boolean passed, String why) {
        return new LaneView(laneId, objective, attempt, passed ? "PASSED" : "FAILED", stages, tools, changes, why);
    }

    private String running() {
        return "WAITING".equals(state) ? "RUNNING" : state;
    }

    private int indexOf(String name) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
