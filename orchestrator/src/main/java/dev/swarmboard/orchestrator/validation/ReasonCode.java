package dev.swarmboard.orchestrator.validation;

/**
 * Every code the orchestrator writes into a {@code Reason}: why a mission was rejected, paused or
 * failed, or why a command was refused. docs/missions.md lists them with examples.
 */
public enum ReasonCode {
    /** A name the registry or the workflows do not know, or a constraint that cannot be checked; see the witnesses. */
    UNKNOWN,
    /** The mission file is not valid YAML/JSON or a field has the wrong type. */
    INVALID_MISSION_FILE,
    /** A mission or lane id uses characters other than letters, digits, '.', '_' and '-', or a reserved id. */
    INVALID_ID,
    EMPTY_GOAL,
    EMPTY_OBJECTIVE,
    DUPLICATE_LANE_ID,
    /** A tool or model the mission would use is not in {@code constraints.allowed_capabilities}. */
    CAPABILITY_NOT_ALLOWED,
    /** A mission, command or record exceeds a documented size limit; the message names the limit. */
    LIMIT_EXCEEDED,
    /** A record the orchestrator had to write was refused by the broker (for example over max.message.bytes). */
    RECORD_REFUSED,
    /** The deadline is neither an ISO-8601 instant nor a positive ISO-8601 duration. */
    INVALID_DEADLINE,
    DEADLINE_PASSED,
    /** A budget is not positive, or smaller than the cheapest lane needs at its stages' max_tokens. */
    BUDGET_IMPOSSIBLE,
    /** quorum_threshold is outside 1..3. */
    INVALID_QUORUM,
    /** max_reruns is outside 0..3. */
    INVALID_MAX_RERUNS,
    /** A lane scope entry is not inside the mission scope, or climbs out with '..'. */
    SCOPE_OUTSIDE_MISSION,
    /** canary_lane names no lane of the mission, or a lane that waits for others ({@code after}). */
    INVALID_CANARY,
    /** A workflow needs an input the mission does not give. */
    MISSING_INPUT,
    /** The mission gives an input no workflow it uses declares. */
    UNDECLARED_INPUT,
    DUPLICATE_INPUT,
    /** The mission id was submitted before with different content. */
    DUPLICATE_MISSION_ID,
    /** An approve or cancel command names a mission that was never submitted. */
    UNKNOWN_MISSION,
    /** An approve command for a mission that is not paused. */
    NOT_PAUSED,
    /** A cancel command for a mission that has already ended. */
    ALREADY_ENDED,
    /** An approve command names a plan other than the one proposed. */
    STALE_PLAN,
    /** The mission asked for confirmation before its plan runs. */
    CONFIRMATION_REQUIRED,
    /** The canary lane did not pass its Yield. */
    CANARY_FAILED,
    /** The planning lane's proposal could not be parsed or failed validation. */
    PROPOSAL_INVALID,
    /** A lane attempt ended failed or with a failing Yield. */
    LANE_FAILED,
    /** A validator voted FAIL in the quorum. */
    VOTE_FAILED,
    /** The last quorum failed and no re-run is left. */
    RERUNS_EXHAUSTED,
    /** The workspace's repository or base cannot be resolved to a commit (client only, before publishing). */
    WORKSPACE_UNRESOLVED,
    /** The workspace is not in pinned form (absolute path or URL, full commit id) or its tests or test paths are wrong. */
    INVALID_WORKSPACE,
    /** A lane's {@code after} names itself or no lane of the mission. */
    INVALID_AFTER,
    /** The lanes' {@code after} edges form a cycle; the message names it. */
    LANE_CYCLE,
    /** constraints.max_parallel_lanes is negative. */
    INVALID_MAX_PARALLEL_LANES,
    /** A lane cannot run this round: a lane it waits for ({@code after}) failed or was blocked. */
    PREDECESSOR_FAILED,
    /** A workspace lane re-runs because a lane it builds on re-runs: its checkout starts from that lane's new tree. */
    PREDECESSOR_RERUN,
    /** A lane failed in a way a re-run cannot fix (budget exhausted, preflight refusal); it is not re-run. */
    NOT_RETRYABLE,
    /** A contact is a literal webhook URL, a bad {@code webhook:env:} reference or an illegal topic name. */
    INVALID_CONTACT,
    /** constraints.confirmation_timeout is not a positive ISO-8601 duration. */
    INVALID_CONFIRMATION_TIMEOUT
}
