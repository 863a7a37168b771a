package dev.swarmboard.orchestrator.retry;

import dev.swarmboard.schema.Reason;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a failed lane attempt can be fixed by running it again. A lane that exhausted the mission's
 * budget ({@code BUDGET_EXCEEDED}: the spend only grows) or that a lane worker's preflight refused (the
 * plan names a model, tool or artifact the worker cannot use; the same plan is refused again) or whose
 * checkout could not be rebuilt from its predecessors' receipted changes ({@code START_NOT_REPRODUCED}) cannot;
 * every other failure (failing checks, tests, a model error, a timeout) may pass on a re-run. Pure.
 */
public final class RetryEligibility {

    /** The lane worker's reason codes for failures a re-run of the same plan cannot fix. */
    public static final Set<String> UNFIXABLE_CODES = Set.of("BUDGET_EXCEEDED", "UNKNOWN_MODEL", "UNKNOWN_TOOL",
            "TOOL_NOT_ALLOWED", "MODEL_MISMATCH", "NO_ARTIFACT", "INVALID_MAX_TOKENS", "UNSAFE_ID",
            "START_NOT_REPRODUCED");

    private RetryEligibility() {
    }

    /** The first reason of a LaneFailed that a re-run cannot fix, rendered, or empty when a re-run may help. */
    public static Optional<String> unfixable(List<Reason> reasons) {
        return reasons.stream().filter(reason -> UNFIXABLE_CODES.contains(reason.getCode())).findFirst()
                .map(reason -> reason.getCode() + (reason.getField().isEmpty() ? "" : " at " + reason.getField())
                        + ": " + reason.getMessage());
    }
}
