package dev.swarmboard.orchestrator.workflow;

import java.util.List;

/**
 * A declarative lane workflow: the mission inputs it needs and its phases in order. Each phase
 * becomes one stage of a planned lane; the phases' output artifacts are what the lane must yield.
 */
public record Workflow(String name, String description, List<String> inputs, List<Phase> phases) {

    public Workflow {
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
