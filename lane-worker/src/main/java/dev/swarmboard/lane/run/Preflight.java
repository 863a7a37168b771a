package dev.swarmboard.lane.run;

import dev.swarmboard.lane.context.MissionInputs;
import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.capability.ModelSpec;
import dev.swarmboard.lane.stage.ResolvedStage;
import dev.swarmboard.schema.ModelRoute;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.StageType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fail-closed checks before a lane calls anything: ids safe as workspace folder names, deadline not
 * passed, every stage has an artifact and a model, every model key is in this worker's registry with the
 * provider and model id the plan recorded, every ensemble has a judge, a routed stage has the route of the
 * lane's role, and every tool is registered, one
 * of the lane's tools and allowed by the mission. Any finding means the task cannot run here.
 */
public final class Preflight {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private Preflight() {
    }

    public static List<Reason> check(RunLane task, List<ResolvedStage> stages, CapabilityRegistry registry,
                                     Instant now) {
        List<Reason> reasons = new ArrayList<>();
        safeId("missionId", task.getMissionId(), reasons);
        safeId("lane.laneId", task.getLane().getLaneId(), reasons);
        if (task.getDeadline() != null && now.isAfter(task.getDeadline())) {
            reasons.add(reason("DEADLINE_PASSED", "deadline", "the deadline " + task.getDeadline() + " has passed"));
        }
        for (int i = 0; i < stages.size(); i++) {
            checkStage(task, stages.get(i), "lane.stages[" + i + "]", registry, reasons);
        }
        return reasons;
    }

    private static void checkStage(RunLane task, ResolvedStage stage, String field, CapabilityRegistry registry,
                                   List<Reason> reasons) {
        if (stage.outputArtifact().isBlank()) {
            reasons.add(reason("NO_ARTIFACT", field + ".outputArtifact", "stage " + stage.name() + " names no artifact"));
        }
        if (stage.models().isEmpty()) {
            reasons.add(reason("UNKNOWN_MODEL", field + ".models", "stage " + stage.name() + " has no model and role "
                    + stage.role() + " has none in the registry"));
        }
        for (int j = 0; j < stage.models().size(); j++) {
            checkRoute(stage.models().get(j), field + ".models[" + j + "]", registry, reasons);
        }
        String laneRole = task.getLane().getRole();
        if (stage.type() == StageType.ROUTED && !stage.models().isEmpty()
                && stage.models().stream().noneMatch(route -> laneRole.equals(route.getCategory()))) {
            reasons.add(reason("UNKNOWN_MODEL", field + ".models", "routed stage " + stage.name()
                    + " has no route for the lane's role " + laneRole + " (never the first route)"));
        }
        if (stage.type() == StageType.ENSEMBLE) {
            stage.judge().ifPresentOrElse(judge -> checkRoute(judge, field + ".judge", registry, reasons),
                    () -> reasons.add(reason("UNKNOWN_MODEL", field + ".judge", "ensemble stage " + stage.name()
                            + " has no judge and the registry has no judge role")));
        }
        if (!stage.ensemble().known()) {
            reasons.add(reason("UNKNOWN_MODE", field + ".mode", "ensemble mode '" + stage.ensemble().mode()
                    + "' is neither parallel nor sequential"));
        }
        if (!MissionInputs.available(task, stage.input())) {
            reasons.add(reason("MISSING_INPUT", field + ".input", "stage " + stage.name() + " reads " + stage.input()
                    + " but the task carries no such mission artifact"));
        }
        for (String tool : stage.tools()) {
            checkTool(task, tool, field + ".tools", registry, reasons);
        }
    }

    private static void checkRoute(ModelRoute route, String field, CapabilityRegistry registry, List<Reason> reasons) {
        if (route.getMaxTokens() <= 0) {
            reasons.add(reason("INVALID_MAX_TOKENS", field + ".maxTokens", "max_tokens must be > 0"));
        }
        Optional<ModelSpec> spec = registry.model(route.getModelKey());
        if (spec.isEmpty()) {
            reasons.add(reason("UNKNOWN_MODEL", field + ".modelKey", "model key " + route.getModelKey()
                    + " is not in this worker's registry"));
        } else if (!spec.get().provider().wireName().equals(route.getProvider())
                || !spec.get().model().equals(route.getModel())) {
            reasons.add(reason("MODEL_MISMATCH", field, "the plan routes " + route.getModelKey() + " to "
                    + route.getProvider() + "/" + route.getModel() + " but this worker's registry has "
                    + spec.get().provider().wireName() + "/" + spec.get().model()));
        }
    }

    private static void checkTool(RunLane task, String tool, String field, CapabilityRegistry registry,
                                  List<Reason> reasons) {
        if (registry.tool(tool).isEmpty()) {
            reasons.add(reason("UNKNOWN_TOOL", field, "tool " + tool + " is not in this worker's registry"));
        }
        if (!task.getLane().getTools().contains(tool)) {
            reasons.add(reason("TOOL_NOT_ALLOWED", field, "tool " + tool + " is not one of the lane's tools"));
        }
        if (!task.getAllowedCapabilities().isEmpty() && !task.getAllowedCapabilities().contains(tool)) {
            reasons.add(reason("TOOL_NOT_ALLOWED", field, "tool " + tool + " is not in the mission's allowed capabilities"));
        }
    }

    private static void safeId(String field, String id, List<Reason> reasons) {
        if (!SAFE_ID.matcher(id).matches() || id.contains("..")) {
            reasons.add(reason("UNSAFE_ID", field, "'" + id + "' is not a safe folder name ([A-Za-z0-9._-], no '..')"));
        }
    }

    private static Reason reason(String code, String field, String message) {
        return new Reason(code, field, message, List.of());
    }
}
