package dev.swarmboard.signing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The services that write facts and the event types each one writes: a trust file entry names a
 * role (or event types) to say what its key may sign. Verdicts belong to the verifier alone,
 * digests to the digest, plans and the mission lifecycle to the orchestrator, receipts to lane workers.
 */
public enum SignerRole {

    ORCHESTRATOR("orchestrator", List.of("MissionAccepted", "MissionRejected", "PlanProposed", "PlanIssued",
            "MissionPaused", "MissionResumed", "MissionCancelled", "RetryScheduled", "MissionFailed", "Escalation",
            "EscalationAttempt")),
    LANE_WORKER("lane-worker", List.of("LaneStarted", "StageCompleted", "ToolReceipt", "LaneYielded", "LaneFailed",
            "BudgetExceeded", "ChangeApplied", "IntegrationCompleted", "IntegrationFailed", "StageStarted")),
    VERIFIER("verifier", List.of("QuorumReached")),
    DIGEST("digest", List.of("DigestPublished", "DigestRejected"));

    private final String service;
    private final List<String> types;

    SignerRole(String service, List<String> types) {
        this.service = service;
        this.types = types;
    }

    /** The service name as trust files and {@code swarm keys generate --service} spell it. */
    public String service() {
        return service;
    }

    public List<String> types() {
        return types;
    }

    public static Optional<SignerRole> ofService(String name) {
        return Arrays.stream(values()).filter(role -> role.service.equals(name)).findFirst();
    }

    /** Whether some role writes this event type. */
    public static boolean isKnownType(String type) {
        return Arrays.stream(values()).anyMatch(role -> role.types.contains(type));
    }

    public static List<String> services() {
        return Arrays.stream(values()).map(SignerRole::service).toList();
    }
}
