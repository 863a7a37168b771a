package dev.swarmboard.orchestrator.tokens;

import dev.swarmboard.capability.ModelSpec;
import java.util.Optional;

/**
 * The token cap of one model call of a stage, by precedence: the mission's {@code stages.<name>.max_tokens},
 * the workflow phase's {@code max_tokens}, the environment ({@code OPENROUTER_MAX_TOKENS} for an OpenRouter
 * model, then {@code SWARM_MAX_TOKENS}), the registry model's {@code max_tokens} (built-in default 2000).
 * Pure; the source is recorded on the route so a plan says why.
 */
public final class TokenLimit {

    public static final String MISSION_STAGE = "mission stages.%s.max_tokens";
    public static final String WORKFLOW_PHASE = "workflow phase %s max_tokens";
    public static final String REGISTRY = "registry models.%s.max_tokens";

    private TokenLimit() {
    }

    /** A cap and where it came from. */
    public record Resolved(int maxTokens, String source) {
    }

    public static Resolved resolve(String stage, Optional<Integer> missionStage, Optional<Integer> phase,
                                   TokenDefaults env, String modelKey, ModelSpec model) {
        if (missionStage.isPresent()) {
            return new Resolved(missionStage.get(), String.format(MISSION_STAGE, stage));
        }
        if (phase.isPresent()) {
            return new Resolved(phase.get(), String.format(WORKFLOW_PHASE, stage));
        }
        if (env.openRouter().isPresent() && servedByOpenRouter(model)) {
            return new Resolved(env.openRouter().get(), TokenDefaults.OPENROUTER_MAX_TOKENS.env());
        }
        if (env.all().isPresent()) {
            return new Resolved(env.all().get(), TokenDefaults.SWARM_MAX_TOKENS.env());
        }
        return new Resolved(model.maxTokens(), String.format(REGISTRY, modelKey));
    }

    /** Whether the model's endpoint is OpenRouter's (host openrouter.ai or a subdomain). */
    public static boolean servedByOpenRouter(ModelSpec model) {
        return model.endpoint().map(endpoint -> endpoint.baseUrl().getHost())
                .filter(host -> host != null && (host.equals("openrouter.ai") || host.endsWith(".openrouter.ai")))
                .isPresent();
    }
}
