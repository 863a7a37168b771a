package dev.swarmboard.lane.run;

import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.schema.RunLane;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LaneStartTimesTest {

    @Test
    void shouldNameTheDeliveryAndGiveEveryPartAsMillisecondsWithTheTotalSinceTheTaskWasIssued() {
        // Given a task issued two seconds ago, opened now
        RunLane task = task("m-times", lane("lane-a").build()).setIssuedAt(Instant.now().minusSeconds(2)).build();
        LaneStartTimes times = LaneStartTimes.opening(task, 3);

        // When a concurrent part and a lap are recorded
        times.part("fence", 25_000_000L);
        times.lap("read");
        String line = times.line();

        // Then the line names the delivery and has each part as name=ms, the total last
        assertThat(line).startsWith(LaneStartTimes.PREFIX + " mission=m-times lane=lane-a attempt=1 delivery=3 ");
        Map<String, String> fields = Arrays.stream(line.substring(LaneStartTimes.PREFIX.length()).trim().split(" "))
                .map(token -> token.split("=", 2)).collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
        assertThat(fields).containsEntry("fence", "25").containsKeys("delivered", "read", "total");
        assertThat(Long.parseLong(fields.get("delivered"))).isBetween(2_000L, 60_000L);
        assertThat(Long.parseLong(fields.get("total"))).isGreaterThanOrEqualTo(Long.parseLong(fields.get("delivered")));
        assertThat(line).endsWith("total=" + fields.get("total"));
    }
}
