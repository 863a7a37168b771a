package dev.swarmboard.cli;

import dev.swarmboard.config.ConfigParameter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How long {@code swarm broker}, {@code up} and {@code demo} wait for the embedded broker to come
 * up: the flag, else {@code SWARM_BROKER_STARTUP_TIMEOUT}, else three minutes (a loaded host can
 * need more than the old fixed 90 s). ISO-8601 ({@code PT5M}) or whole seconds ({@code 300}).
 */
public final class StartupTimeoutOption {

    public static final ConfigParameter<Duration> STARTUP_TIMEOUT = new ConfigParameter<>(
            "SWARM_BROKER_STARTUP_TIMEOUT", StartupTimeoutOption::parse, Duration.ofSeconds(180),
            "How long swarm broker, up and demo wait for the embedded broker (ISO-8601 such as PT5M, or seconds)");
    public static final List<ConfigParameter<?>> PARAMETERS = List.of(STARTUP_TIMEOUT);

    @Option(names = "--startup-timeout", paramLabel = "DURATION",
            description = "How long to wait for the broker to start: ISO-8601 (PT5M) or seconds "
                    + "(default: $SWARM_BROKER_STARTUP_TIMEOUT, then 180).")
    String startupTimeout;

    /** The flag, else the environment's value, else the default. */
    Duration resolve(Map<String, String> environment) {
        if (startupTimeout != null) {
            try {
                return parse(startupTimeout.trim());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--startup-timeout " + startupTimeout + " is not valid: " + e.getMessage());
            }
        }
        try {
            return STARTUP_TIMEOUT.resolve(environment);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static Duration parse(String raw) {
        Duration duration;
        if (raw.chars().allMatch(Character::isDigit) && !raw.isEmpty()) {
            duration = Duration.ofSeconds(Long.parseLong(raw));
        } else {
            try {
                duration = Duration.parse(raw);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("expected ISO-8601 such as PT5M or whole seconds such as 300");
            }
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("must be positive");
        }
        return duration;
    }
}
