package dev.swarmboard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.deadletter.DeadLetters;
import java.time.Duration;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class SwarmMetricsTest {

    @Test
    void shouldCountEveryStampedDeadLetterByServiceInThePrometheusText() {
        double before = SwarmMetrics.registry().counter("swarm.dead.letters", "service", "metrics-test").count();

        DeadLetters.stamp(new RecordHeaders(), new DeadLetters.Origin("metrics-test", "i-1"));

        assertThat(SwarmMetrics.registry().counter("swarm.dead.letters", "service", "metrics-test").count())
                .isEqualTo(before + 1);
        assertThat(SwarmMetrics.scrape()).contains("# TYPE swarm_dead_letters_total counter")
                .contains("swarm_dead_letters_total{service=\"metrics-test\"}");
    }

    @Test
    void shouldTrackLanesInFlightAndPublishStageHistograms() {
        double idle = SwarmMetrics.registry().get("swarm.lanes.in.flight").gauge().value();
        try (SwarmMetrics.Running lane = SwarmMetrics.laneRunning()) {
            assertThat(SwarmMetrics.registry().get("swarm.lanes.in.flight").gauge().value()).isEqualTo(idle + 1);
        }
        assertThat(SwarmMetrics.registry().get("swarm.lanes.in.flight").gauge().value()).isEqualTo(idle);

        SwarmMetrics.stage("draft", "SINGLE", Duration.ofMillis(40));
        assertThat(SwarmMetrics.scrape()).contains("# TYPE swarm_stage_duration_seconds histogram")
                .contains("swarm_stage_duration_seconds_count{stage=\"draft\",type=\"SINGLE\"} 1");
    }
}
