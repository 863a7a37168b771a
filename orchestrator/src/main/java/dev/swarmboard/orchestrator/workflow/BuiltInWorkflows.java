package dev.swarmboard.orchestrator.workflow;

import dev.swarmboard.schema.ContextStrategy;
import java.util.List;

/**
 * The workflows the orchestrator knows without a workflows directory. {@code prey} is the default
 * lane: Perceive, React, Engage (the lane worker runs Yield itself, after the stages). A file of the
 * same name in the workflows directory replaces it.
 */
public final class BuiltInWorkflows {

    public static final String PREY_NAME = "prey";

    public static final Workflow PREY = new Workflow(PREY_NAME,
            "The default lane: perceive the scope, plan a reaction, engage; Yield validates the lane.",
            List.of(),
            List.of(Phase.single("perceive", "perceive", "", "perception_snapshot", ContextStrategy.FRESH),
                    Phase.single("react", "react", "perception_snapshot", "react_plan", ContextStrategy.SCOPED),
                    Phase.single("engage", "engage", "react_plan", "engage_report", ContextStrategy.FULL)));

    private BuiltInWorkflows() {
    }

    public static List<Workflow> all() {
        return List.of(PREY);
    }
}
