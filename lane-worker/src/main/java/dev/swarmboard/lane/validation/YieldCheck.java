package dev.swarmboard.lane.validation;

import dev.swarmboard.schema.CheckResult;

/** One deterministic Yield check: the same evidence always gives the same result and reason. */
public interface YieldCheck {

    CheckResult check(LaneEvidence evidence);

    static CheckResult passed(String name, String reason) {
        return new CheckResult(name, true, reason);
    }

    static CheckResult failed(String name, String reason) {
        return new CheckResult(name, false, reason);
    }

    /** Passed when there are no problems, else failed with the problems joined. */
    static CheckResult of(String name, java.util.List<String> problems, String reasonWhenPassed) {
        return problems.isEmpty() ? passed(name, reasonWhenPassed) : failed(name, String.join("; ", problems));
    }
}
