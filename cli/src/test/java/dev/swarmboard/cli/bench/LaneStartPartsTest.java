package dev.swarmboard.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaneStartPartsTest {

    @TempDir
    Path dir;

    @Test
    void shouldFoldTheStartsOfTheGivenMissionsAndTakeEachMissionsQuickestLaneAsItsFirst() throws IOException {
        // Given a worker log with two lanes of m-1, one of m-2, one of a mission not measured, and other lines
        Path log = Files.write(dir.resolve("lane-worker.log"), List.of(
                "05:41:39.579 WARN  d.s.s.KafkaReachability - Kafka is unreachable",
                start("m-1", "a", 40, 30, 90), start("m-1", "b", 10, 20, 60),
                start("m-2", "a", 20, 50, 80), start("m-3", "a", 1, 1, 1),
                "05:41:40.000 INFO  d.s.l.c.LaneSlot - task m-1/a ACCEPT: yielded"));

        // When the starts of m-1 and m-2 are read
        LaneStartParts parts = LaneStartParts.read(log, Set.of("m-1", "m-2"));

        // Then every lane of those missions counts, and per mission the lane with the smallest total
        assertThat(parts.allLanes().get("delivered").count()).isEqualTo(3);
        assertThat(parts.allLanes().get("delivered").p50()).isEqualTo(20);
        assertThat(parts.firstLanes().get("fence").count()).isEqualTo(2);
        assertThat(parts.firstLanes().get("delivered").p50()).isEqualTo(10);
        assertThat(parts.firstLanes().get("total").max()).isEqualTo(80);
        // And the identifying fields are no parts; the total is rendered last
        assertThat(parts.allLanes()).doesNotContainKeys("mission", "lane", "attempt", "delivery");
        assertThat(LaneStartParts.render(parts.allLanes())).startsWith("delivered 20  fence 30  total 80  ms");
    }

    @Test
    void shouldSaySoWhenTheLogHoldsNoLaneStart() throws IOException {
        Path log = Files.write(dir.resolve("lane-worker.log"), List.of("05:41:39.579 WARN  nothing here"));

        assertThat(LaneStartParts.render(LaneStartParts.read(log, Set.of("m-1")).allLanes()))
                .isEqualTo("no lane start timing in the lane worker's log");
    }

    private static String start(String mission, String lane, long delivered, long fence, long total) {
        return "05:41:40.000 INFO  d.s.l.run.FencedDelivery [mission=" + mission + "] - lane start timing mission="
                + mission + " lane=" + lane + " attempt=1 delivery=1 delivered=" + delivered + " fence=" + fence
                + " total=" + total;
    }
}
