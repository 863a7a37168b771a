package dev.swarmboard.lane.service;

import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.lane.bench.ScriptedRegistry;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.LaneStarted;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShareGroupScalingIT {

    private static final int LANES = 12;

    @TempDir
    Path dir;

    @Test
    void shouldSpreadTheLanesOfAOnePartitionTopicOverThreeWorkers() {
        // Given three workers with their own clients in one share group on a one-partition task topic
        try (LaneTestBed bed = new LaneTestBed("scaling", 1)) {
            Path registry = ScriptedRegistry.write(dir.resolve("registry"), 200);
            List<LaneWorkerService> workers = IntStream.rangeClosed(1, 3)
                    .mapToObj(i -> bed.service("w" + i, registry, 1, dir.resolve("ws" + i))).toList();
            try {
                workers.forEach(LaneWorkerService::start);
                await().atMost(Duration.ofSeconds(60)).until(() -> members(bed.group) == 3);

                // When twelve lanes of one mission arrive
                IntStream.range(0, LANES).forEach(i -> bed.submit(task("m-spread", lane("lane-" + i).build()).build()));

                // Then every lane yields once, and every worker ran some of them
                await().atMost(Duration.ofSeconds(90)).until(() -> count(bed, "LaneYielded") == LANES);
                Map<String, Long> lanesPerWorker = bed.events("m-spread").stream()
                        .filter(event -> event.getPayload() instanceof LaneStarted)
                        .collect(Collectors.groupingBy(ShareGroupScalingIT::worker, Collectors.counting()));
                assertThat(lanesPerWorker).containsOnlyKeys("lane-worker/w1", "lane-worker/w2", "lane-worker/w3");
                assertThat(lanesPerWorker.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(LANES);
                assertThat(yieldedLanes(bed)).hasSize(LANES);
            } finally {
                workers.forEach(LaneWorkerService::stop);
            }
        }
    }

    private static long count(LaneTestBed bed, String type) {
        return bed.types("m-spread").stream().filter(type::equals).count();
    }

    private static Set<String> yieldedLanes(LaneTestBed bed) {
        return bed.events("m-spread").stream().filter(event -> event.getHeader().getType().equals("LaneYielded"))
                .map(event -> event.getHeader().getLaneId()).collect(Collectors.toSet());
    }

    private static String worker(BlackboardEvent event) {
        return ((LaneStarted) event.getPayload()).getWorker();
    }

    /** Members of the share group; 0 before the first one joined. */
    static int members(String group) throws InterruptedException {
        try {
            return KafkaFixture.admin().describeShareGroups(List.of(group)).all().get().get(group).members().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
