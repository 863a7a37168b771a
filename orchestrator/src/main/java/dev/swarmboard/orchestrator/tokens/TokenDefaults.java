package dev.swarmboard.orchestrator.tokens;

import dev.swarmboard.config.ConfigParameter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment's token caps for every stage: {@code SWARM_MAX_TOKENS} for any model, and
 * {@code OPENROUTER_MAX_TOKENS} for models served by OpenRouter (it wins over the general one there).
 * Unset means the registry model's {@code max_tokens} applies.
 */
public record TokenDefaults(Optional<Integer> all, Optional<Integer> openRouter) {

    public static final ConfigParameter<Integer> SWARM_MAX_TOKENS = new ConfigParameter<>("SWARM_MAX_TOKENS",
            TokenDefaults::positive, null, "Token cap of every stage's model calls. Precedence: mission"
            + " stages.<name>.max_tokens > workflow phase max_tokens > OPENROUTER_MAX_TOKENS (OpenRouter models) > this"
            + " > registry model max_tokens (built-in 2000)");
    public static final ConfigParameter<Integer> OPENROUTER_MAX_TOKENS = new ConfigParameter<>(
            "OPENROUTER_MAX_TOKENS", TokenDefaults::positive, null,
            "Token cap for models served by OpenRouter (base URL openrouter.ai); wins over SWARM_MAX_TOKENS there");

    /** Both parameters, for {@code swarm config} and the README. */
    public static final List<ConfigParameter<?>> PARAMETERS = List.of(SWARM_MAX_TOKENS, OPENROUTER_MAX_TOKENS);

    /** No environment caps. */
    public static final TokenDefaults NONE = new TokenDefaults(Optional.empty(), Optional.empty());

    public TokenDefaults {
        all.ifPresent(TokenDefaults::requirePositive);
        openRouter.ifPresent(TokenDefaults::requirePositive);
    }

    public static TokenDefaults fromEnvironment(Map<String, String> env) {
        return new TokenDefaults(Optional.ofNullable(SWARM_MAX_TOKENS.resolve(env)),
                Optional.ofNullable(OPENROUTER_MAX_TOKENS.resolve(env)));
    }

    private static Integer positive(String text) {
        return requirePositive(Integer.valueOf(text));
    }

    private static Integer requirePositive(Integer value) {
        if (value <= 0) {
            throw new IllegalArgumentException("must be a positive number of tokens");
        }
        return value;
    }
}
