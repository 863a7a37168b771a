package dev.swarmboard.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleSettingsTest {

    @Test
    void shouldBindToLoopbackWithoutAToken() {
        assertThat(ConsoleSettings.loopback(0).bind()).isEqualTo("127.0.0.1");
        assertThat(new ConsoleSettings("::1", 8088, Optional.empty()).token()).isEmpty();
    }

    @Test
    void shouldRefuseAWiderBindAddressWithoutAToken() {
        assertThatThrownBy(() -> new ConsoleSettings("0.0.0.0", 8088, Optional.empty()))
                .hasMessageContaining("0.0.0.0").hasMessageContaining("--token");
        assertThatThrownBy(() -> new ConsoleSettings("0.0.0.0", 8088, Optional.of("  ")))
                .hasMessageContaining("--token");
        assertThat(new ConsoleSettings("0.0.0.0", 8088, Optional.of("s3cret")).token()).contains("s3cret");
    }
}
