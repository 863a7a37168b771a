package dev.swarmboard.orchestrator.workflow;

import dev.swarmboard.capability.YamlMapping;
import dev.swarmboard.schema.StageType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a workflow's mission-level phases, fail-closed. {@code mission_phases} run in the planning
 * lane: no routed phases (there is no lane role to route by), no tools, the last one writes
 * {@value MissionPhases#PROPOSAL_ARTIFACT} and no other does, and an input {@code mission.<phase>}
 * names an earlier one. {@code audit} phases may read any mission phase and
 * {@code mission.}{@value MissionPhases#INTEGRATION}, the integrated change.
 */
final class MissionPhaseReader {

    static final String BEFORE_KEY = "mission_phases";
    static final String AUDIT_KEY = "audit";

    private MissionPhaseReader() {
    }

    static List<Phase> before(YamlMapping workflow) {
        List<YamlMapping> mappings = workflow.mappings(BEFORE_KEY).orElse(List.of());
        if (workflow.has(BEFORE_KEY) && mappings.isEmpty()) {
            workflow.reject(BEFORE_KEY, "must not be empty");
        }
        mappings.forEach(mapping -> forbidLaneKeys(mapping, BEFORE_KEY));
        List<Phase> phases = WorkflowReader.readPhases(mappings, inputNamesOf(mappings));
        Set<String> earlier = new LinkedHashSet<>();
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            checkMissionPhase(workflow, phase, earlier, i == phases.size() - 1);
            earlier.add(MissionPhases.INPUT_PREFIX + phase.name());
        }
        return phases;
    }

    static List<Phase> audit(YamlMapping workflow, Set<String> missionInputs) {
        List<YamlMapping> mappings = workflow.mappings(AUDIT_KEY).orElse(List.of());
        if (workflow.has(AUDIT_KEY) && mappings.isEmpty()) {
            workflow.reject(AUDIT_KEY, "must not be empty");
        }
        mappings.forEach(mapping -> forbidLaneKeys(mapping, AUDIT_KEY));
        Set<String> inputs = new LinkedHashSet<>(missionInputs);
        inputs.add(MissionPhases.INPUT_PREFIX + MissionPhases.INTEGRATION);
        List<Phase> phases = WorkflowReader.readPhases(mappings, inputs);
        phases.stream().filter(phase -> phase.type() == StageType.ROUTED).forEach(phase -> workflow.reject(AUDIT_KEY,
                "audit phase " + phase.name() + ": a routed phase needs a lane role; use single, ensemble or parallel"));
        return phases;
    }

    /**
     * The inputs lanes and audits may read: {@code mission.<phase>} of every mission phase but the one that
     * writes the lane proposal (its artifact is the lanes themselves).
     */
    static Set<String> inputNames(List<Phase> before) {
        Set<String> names = new LinkedHashSet<>();
        before.stream().filter(phase -> !MissionPhases.PROPOSAL_ARTIFACT.equals(phase.output()))
                .forEach(phase -> names.add(MissionPhases.INPUT_PREFIX + phase.name()));
        return names;
    }

    private static Set<String> inputNamesOf(List<YamlMapping> mappings) {
        Set<String> names = new LinkedHashSet<>();
        mappings.forEach(mapping -> mapping.text("name").ifPresent(name -> names.add(MissionPhases.INPUT_PREFIX + name)));
        return names;
    }

    private static void checkMissionPhase(YamlMapping workflow, Phase phase, Set<String> earlier, boolean last) {
        String where = "mission phase " + phase.name() + ": ";
        if (phase.type() == StageType.ROUTED) {
            workflow.reject(BEFORE_KEY, where + "a routed phase needs a lane role; use single, ensemble or parallel");
        }
        if (MissionPhases.INTEGRATION.equals(phase.name())) {
            workflow.reject(BEFORE_KEY, where + "'" + MissionPhases.INTEGRATION + "' is reserved for the integrated"
                    + " change");
        }
        if (MissionPhases.isMissionInput(phase.input()) && !earlier.contains(phase.input())) {
            workflow.reject(BEFORE_KEY, where + "input " + phase.input() + " must name an earlier mission phase "
                    + earlier);
        }
        boolean proposes = MissionPhases.PROPOSAL_ARTIFACT.equals(phase.output());
        if (last && !proposes) {
            workflow.reject(BEFORE_KEY, where + "the last mission phase (decompose) must write output "
                    + MissionPhases.PROPOSAL_ARTIFACT + ", the lanes the orchestrator validates and issues");
        } else if (!last && proposes) {
            workflow.reject(BEFORE_KEY, where + "only the last mission phase writes " + MissionPhases.PROPOSAL_ARTIFACT);
        }
    }

    private static void forbidLaneKeys(YamlMapping phase, String list) {
        for (String key : new String[] {"tools", "expect"}) {
            if (phase.has(key)) {
                phase.reject(key, "not allowed in " + list + ": mission-level phases run no tools");
            }
        }
    }
}
