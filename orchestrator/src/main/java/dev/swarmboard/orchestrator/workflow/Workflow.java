package dev.swarmboard.orchestrator.workflow;

import java.util.List;

/**
 * A declarative lane workflow: the mission inputs it needs and its phases in order. Each phase
 * becomes one stage of a planned lane; the phases' output artifacts are what the lane must yield.
 * {@code checks} are extra Yield checks its lanes must pass ({@value #RED_GREEN}); {@code mission} are
 * its mission-level phases, run before and after the lanes ({@link MissionPhases}).
 */
public record Workflow(String name, String description, List<String> inputs, List<Phase> phases,
                       List<String> checks, MissionPhases mission) {

    /** The Yield check of test-driven lanes: red at the red phase's tree, green at the final tree. */
    public static final String RED_GREEN = "red_green";

    /** A workflow that declares no extra Yield check. */
    public Workflow(String name, String description, List<String> inputs, List<Phase> phases) {
        this(name, description, inputs, phases, List.of());
    }

    /** A workflow without mission-level phases. */
    public Workflow(String name, String description, List<String> inputs, List<Phase> phases,
                    List<String> checks) {
        this(name, description, inputs, phases, checks, MissionPhases.NONE);
    }

    public Workflow {
        mission = mission == null ? MissionPhases.NONE : mission;
        checks = List.copyOf(checks);
        inputs = List.copyOf(inputs);
        phases = List.copyOf(phases);
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("workflow " + name + " has no phases");
        }
    }

    /** The artifacts the phases write, in phase order. */
    public List<String> outputs() {
        return phases.stream().map(Phase::output).toList();
    }
}
