package dev.swarmboard.lane.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaneBenchTest {

    @Test
    void shouldTakeTheNearestRankPercentile() {
        // Given
        List<Long> sample = List.of(5L, 1L, 4L, 2L, 3L, 10L, 9L, 8L, 7L, 6L);

        // Then
        assertThat(Percentiles.of(sample, 50)).isEqualTo(5);
        assertThat(Percentiles.of(sample, 99)).isEqualTo(10);
        assertThat(Percentiles.of(sample, 10)).isEqualTo(1);
        assertThat(Percentiles.of(List.of(), 50)).isZero();
    }

    @Test
    void shouldReadTheSettingsFromFlagsOverDefaults() {
        // When
        LaneBench.Settings settings = LaneBench.Settings.parse(new String[] {"--workers", "1, 3", "--lanes", "40"},
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092"));

        // Then
        assertThat(settings).isEqualTo(new LaneBench.Settings("broker:9092", List.of(1, 3), 40, 10, 200));
        assertThat(LaneBench.Settings.parse(new String[] {"--bootstrap", "other:9093"}, Map.of()).bootstrap())
                .isEqualTo("other:9093");
        assertThatThrownBy(() -> LaneBench.Settings.parse(new String[] {"--lanse", "4"}, Map.of()))
                .hasMessageStartingWith("unknown option --lanse");
    }
}
