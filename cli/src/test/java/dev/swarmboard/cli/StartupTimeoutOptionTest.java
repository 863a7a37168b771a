package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StartupTimeoutOptionTest {

    @Test
    void shouldDefaultToThreeMinutes() {
        assertThat(new StartupTimeoutOption().resolve(Map.of())).isEqualTo(Duration.ofSeconds(180));
    }

    @Test
    void shouldReadTheEnvironmentInSecondsOrIso() {
        assertThat(new StartupTimeoutOption().resolve(Map.of("SWARM_BROKER_STARTUP_TIMEOUT", "300")))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(new StartupTimeoutOption().resolve(Map.of("SWARM_BROKER_STARTUP_TIMEOUT", "PT10M")))
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void shouldLetTheFlagWinOverTheEnvironment() {
        // Given swarm broker with the flag while the environment says otherwise
        BrokerCommand broker = new BrokerCommand();
        new CommandLine(broker).parseArgs("--startup-timeout", "PT4M");

        // Then the flag is the timeout
        assertThat(broker.startup.resolve(Map.of("SWARM_BROKER_STARTUP_TIMEOUT", "60"))).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void shouldRefuseANonPositiveOrUnreadableTimeoutNamingIt() {
        UpCommand up = new UpCommand();
        new CommandLine(up).parseArgs("--startup-timeout", "0");
        assertThatThrownBy(() -> up.startup.resolve(Map.of())).isInstanceOf(UsageException.class)
                .hasMessageContaining("--startup-timeout 0").hasMessageContaining("positive");
        assertThatThrownBy(() -> new StartupTimeoutOption().resolve(Map.of("SWARM_BROKER_STARTUP_TIMEOUT", "soon")))
                .isInstanceOf(UsageException.class).hasMessageContaining("SWARM_BROKER_STARTUP_TIMEOUT=soon");
    }
}
