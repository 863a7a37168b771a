package dev.swarmboard.orchestrator.validation;

import dev.swarmboard.orchestrator.workflow.Phase;
import dev.swarmboard.orchestrator.workflow.Workflow;
import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.StageType;
import java.util.List;

/** Small workflows built in code for validation tests. */
final class ExampleWorkflows {

    static final String NAME = "brainstorm";

    private ExampleWorkflows() {
    }

    /** One ensemble phase {@code ideate} whose proposers are {@code engage} and the given entry. */
    static Workflow ensembleNaming(String proposer) {
        Phase ideate = new Phase("ideate", StageType.ENSEMBLE, "ideate", List.of("engage", proposer), "judge",
                List.of(), "", "ideas", ContextStrategy.FRESH);
        return new Workflow(NAME, "test", List.of(), List.of(ideate));
    }
}
