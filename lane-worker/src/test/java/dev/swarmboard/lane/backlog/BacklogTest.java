package dev.swarmboard.lane.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacklogTest {

    private final Backlog backlog = new Backlog("swarm.lane-workers", "swarm.lane-tasks", Map.of(0, 3L, 1, 0L, 2, 4L));

    @Test
    void shouldRenderTheTotalAndEachPartitionAsJsonForKeda() throws Exception {
        // When the backlog is rendered for the metrics-api trigger
        JsonNode json = new ObjectMapper().readTree(backlog.toJson());

        // Then its valueLocation "backlog" holds the sum, and each partition its own count
        assertThat(json.get("backlog").asLong()).isEqualTo(7);
        assertThat(json.get("partitions").get("0").asLong()).isEqualTo(3);
        assertThat(json.get("partitions").get("2").asLong()).isEqualTo(4);
        assertThat(json.get("group").asText()).isEqualTo("swarm.lane-workers");
        assertThat(json.get("topic").asText()).isEqualTo("swarm.lane-tasks");
    }

    @Test
    void shouldRenderPrometheusGaugesWithTypeLines() {
        // When the backlog is rendered for /metrics
        String text = backlog.toPrometheus();

        // Then the total and every partition are gauges labelled with group and topic
        assertThat(text).contains("# TYPE swarm_lane_backlog gauge\n")
                .contains("swarm_lane_backlog{group=\"swarm.lane-workers\",topic=\"swarm.lane-tasks\"} 7\n")
                .contains("swarm_lane_backlog_partition{group=\"swarm.lane-workers\",topic=\"swarm.lane-tasks\","
                        + "partition=\"1\"} 0\n");
    }
}
