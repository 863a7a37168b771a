package dev.swarmboard.orchestrator.mission;

import dev.swarmboard.capability.YamlDocument;
import dev.swarmboard.capability.YamlMapping;
import dev.swarmboard.codec.ContentHash;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.ContactPolicy;
import dev.swarmboard.schema.KeyValue;
import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.StageSetting;
import dev.swarmboard.schema.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a mission document (YAML, or JSON, which YAML reads too) into a {@link MissionSpec}. Keys
 * are snake_case as in docs/missions.md; unknown keys and wrong types are errors at their path and
 * line. A mission without an id gets one derived from its content, so resubmitting the same file
 * is recognised as the same mission.
 */
final class MissionFileReader {

    private static final Set<String> KEYS = Set.of("id", "goal", "lanes", "workflow", "inputs", "constraints",
            "contact", "quorum_threshold", "max_reruns", "shrink_scope_on_retry", "canary_lane", "workspace", "stages");
    private static final Set<String> WORKSPACE_KEYS = Set.of("repo", "base", "tests", "test_paths");
    private static final Set<String> CONSTRAINT_KEYS = Set.of("deadline", "token_budget", "cost_budget_usd",
            "allowed_capabilities", "scope", "requires_confirmation", "max_parallel_lanes",
            "confirmation_timeout");
    private static final Set<String> CONTACT_KEYS = Set.of("digest", "critical", "timeout");
    private static final Set<String> STAGE_KEYS = Set.of("max_tokens");

    private MissionFileReader() {
    }

    /** The spec, or empty when the document has errors (they are recorded in it). */
    static Optional<MissionSpec> read(YamlDocument document) {
        Optional<YamlMapping> root = document.root();
        if (root.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping mission = root.get();
        mission.rejectUnknownKeys(KEYS);
        Optional<String> goal = mission.required("goal", mission.text("goal"));
        List<LaneSpec> lanes = mission.mappings("lanes").map(LaneSpecReader::readAll).orElse(List.of());
        MissionSpec.Builder spec = MissionSpec.newBuilder()
                .setMissionId(mission.text("id", ""))
                .setGoal(goal.orElse(""))
                .setLanes(lanes)
                .setWorkflow(mission.text("workflow").orElse(null))
                .setWorkflowInputs(inputs(mission))
                .setConstraints(constraints(mission))
                .setContactPolicy(contact(mission))
                .setQuorumThreshold(mission.nonNegativeInt("quorum_threshold", 2))
                .setMaxReruns(mission.nonNegativeInt("max_reruns", 3))
                .setShrinkScopeOnRetry(mission.bool("shrink_scope_on_retry", true))
                .setCanaryLane(mission.text("canary_lane").orElse(null))
                .setWorkspace(workspace(mission))
                .setStages(stages(mission));
        if (!document.errors().isEmpty()) {
            return Optional.empty();
        }
        if (spec.getMissionId().isEmpty()) {
            spec.setMissionId(generatedId(spec.build()));
        }
        return Optional.of(spec.build());
    }

    /** {@code m-} and 16 hex digits of the content hash of the spec without an id. */
    static String generatedId(MissionSpec withoutId) {
        return "m-" + ContentHash.of(withoutId).substring(0, 16);
    }

    private static List<KeyValue> inputs(YamlMapping mission) {
        List<KeyValue> inputs = new ArrayList<>();
        mission.mapping("inputs").ifPresent(mapping -> mapping.keys().forEach(key ->
                mapping.text(key).ifPresent(value -> inputs.add(new KeyValue(key, value)))));
        return inputs;
    }

    private static Constraints constraints(YamlMapping mission) {
        Constraints.Builder constraints = Constraints.newBuilder();
        mission.mapping("constraints").ifPresent(mapping -> {
            mapping.rejectUnknownKeys(CONSTRAINT_KEYS);
            constraints.setDeadline(mapping.text("deadline").orElse(null))
                    .setTokenBudget(mapping.nonNegativeInt("token_budget").map(Integer::longValue).orElse(null))
                    .setCostBudgetUsd(mapping.has("cost_budget_usd")
                            ? mapping.nonNegativeNumber("cost_budget_usd", 0.0) : null)
                    .setAllowedCapabilities(mapping.texts("allowed_capabilities").orElse(List.of()))
                    .setScope(mapping.texts("scope").orElse(List.of()))
                    .setRequiresConfirmation(mapping.bool("requires_confirmation", false))
                    .setMaxParallelLanes(mapping.nonNegativeInt("max_parallel_lanes", 0))
                    .setConfirmationTimeout(mapping.text("confirmation_timeout").orElse(null));
        });
        return constraints.build();
    }

    /** The workspace as written: {@code base} is pinned to a commit id later, by {@link WorkspacePins}. */
    private static Workspace workspace(YamlMapping mission) {
        return mission.mapping("workspace").map(mapping -> {
            mapping.rejectUnknownKeys(WORKSPACE_KEYS);
            String base = mapping.required("base", mapping.text("base")).orElse("");
            return Workspace.newBuilder()
                    .setRepo(mapping.required("repo", mapping.text("repo")).orElse(""))
                    .setBase(base)
                    .setBaseRef(base)
                    .setTests(mapping.texts("tests").orElse(List.of()))
                    .setTestPaths(mapping.texts("test_paths").orElse(List.of()))
                    .build();
        }).orElse(null);
    }

    /** {@code stages: {engage: {max_tokens: 4000}}}: settings for every stage of that name. */
    private static List<StageSetting> stages(YamlMapping mission) {
        List<StageSetting> stages = new ArrayList<>();
        mission.mapping("stages").ifPresent(mapping -> mapping.keys().forEach(name ->
                mapping.mapping(name).ifPresent(stage -> {
                    stage.rejectUnknownKeys(STAGE_KEYS);
                    stages.add(new StageSetting(name, stage.positiveInt("max_tokens").orElse(null)));
                })));
        return stages;
    }

    private static ContactPolicy contact(YamlMapping mission) {
        ContactPolicy.Builder contact = ContactPolicy.newBuilder();
        mission.mapping("contact").ifPresent(mapping -> {
            mapping.rejectUnknownKeys(CONTACT_KEYS);
            contact.setDigest(mapping.text("digest", ""))
                    .setCritical(mapping.text("critical", ""))
                    .setTimeout(mapping.text("timeout", ""));
        });
        return contact.build();
    }
}
