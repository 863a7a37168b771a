package dev.swarmboard.orchestrator.validation;

import dev.swarmboard.orchestrator.plan.RoutedLane;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.StagePlan;
import dev.swarmboard.schema.StageSetting;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of a mission's {@code stages} settings: each names a stage some lane of the mission runs
 * (a misspelt stage would otherwise set nothing, silently), once, with a positive {@code max_tokens}.
 * A mission without lanes is checked when its planning lane's proposal is.
 */
final class StageSettingChecks {

    private StageSettingChecks() {
    }

    /** {@code namesKnown} is false for a mission planned by its planning lane: its proposal is checked later. */
    static void check(List<StageSetting> settings, List<RoutedLane> lanes, boolean namesKnown,
                      List<Reason> rejections) {
        Set<String> stages = new LinkedHashSet<>();
        lanes.forEach(lane -> lane.lane().getStages().stream().map(StagePlan::getName).forEach(stages::add));
        Set<String> seen = new HashSet<>();
        for (StageSetting setting : settings) {
            String field = "stages." + setting.getName();
            if (!seen.add(setting.getName())) {
                rejections.add(Reasons.of(ReasonCode.INVALID_MISSION_FILE, field, "stage set twice"));
            } else if (namesKnown && !stages.contains(setting.getName())) {
                rejections.add(Reasons.of(ReasonCode.UNKNOWN, field, "no lane of the mission runs a stage named '"
                        + setting.getName() + "' (stages: " + stages + ")", "a workflow phase named "
                        + setting.getName()));
            }
            if (setting.getMaxTokens() != null && setting.getMaxTokens() <= 0) {
                rejections.add(Reasons.of(ReasonCode.BUDGET_IMPOSSIBLE, field + ".max_tokens",
                        "max_tokens must be > 0, was " + setting.getMaxTokens()));
            }
        }
    }
}
