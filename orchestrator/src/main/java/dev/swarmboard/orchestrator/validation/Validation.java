package dev.swarmboard.orchestrator.validation;

import dev.swarmboard.orchestrator.plan.RoutedLane;
import dev.swarmboard.schema.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What validating a mission found: reasons to reject it, cases only a person can decide (the
 * mission then pauses for approval), the absolute deadline, and the lanes routed for planning.
 */
public record Validation(List<Reason> rejections, List<Reason> undecidable, Optional<Instant> deadline,
                         List<RoutedLane> lanes) {

    public Validation {
        rejections = List.copyOf(rejections);
        undecidable = List.copyOf(undecidable);
        lanes = List.copyOf(lanes);
    }

    public boolean rejected() {
        return !rejections.isEmpty();
    }

    public boolean needsDecision() {
        return !undecidable.isEmpty();
    }

    /** Every reason, rejections first. */
    public List<Reason> reasons() {
        List<Reason> all = new ArrayList<>(rejections);
        all.addAll(undecidable);
        return all;
    }
}
