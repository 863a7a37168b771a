package dev.swarmboard.orchestrator.escalation;

import dev.swarmboard.config.ConfigParameter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How escalations are delivered: the webhook backoff, the HTTP timeout, and where
 * {@code webhook:env:NAME} references are resolved (the orchestrator's environment; only names
 * starting with {@value Contact#WEBHOOK_ENV_PREFIX} are ever read).
 */
public record EscalationSettings(Backoff backoff, Duration requestTimeout, Function<String, Optional<String>> webhooks) {

    public static final ConfigParameter<Integer> ATTEMPTS = ConfigParameter.integer(
            "SWARM_ESCALATION_ATTEMPTS", 3, "Webhook escalation attempts in all (retried with exponential backoff)");
    public static final ConfigParameter<Integer> BACKOFF_MS = ConfigParameter.integer(
            "SWARM_ESCALATION_BACKOFF_MS", 1000, "Wait before the first webhook retry, doubled per retry (ms)");
    public static final ConfigParameter<Integer> BACKOFF_MAX_MS = ConfigParameter.integer(
            "SWARM_ESCALATION_BACKOFF_MAX_MS", 4000, "Longest wait between webhook attempts (ms)");
    public static final ConfigParameter<Integer> TIMEOUT_MS = ConfigParameter.integer(
            "SWARM_ESCALATION_TIMEOUT_MS", 10000, "Timeout of one webhook HTTP request (ms)");

    public static final List<ConfigParameter<?>> PARAMETERS = List.of(ATTEMPTS, BACKOFF_MS, BACKOFF_MAX_MS, TIMEOUT_MS);

    /** The settings from the environment, which also holds the webhook URLs. */
    public static EscalationSettings fromEnvironment(Map<String, String> env) {
        Map<String, String> copy = Map.copyOf(env);
        return new EscalationSettings(new Backoff(ATTEMPTS.resolve(env), Duration.ofMillis(BACKOFF_MS.resolve(env)),
                Duration.ofMillis(BACKOFF_MAX_MS.resolve(env))), Duration.ofMillis(TIMEOUT_MS.resolve(env)),
                name -> name.startsWith(Contact.WEBHOOK_ENV_PREFIX) ? Optional.ofNullable(copy.get(name))
                        .filter(url -> !url.isBlank()) : Optional.empty());
    }

    /** Defaults and no webhook URLs. */
    public static EscalationSettings defaults() {
        return fromEnvironment(Map.of());
    }
}
