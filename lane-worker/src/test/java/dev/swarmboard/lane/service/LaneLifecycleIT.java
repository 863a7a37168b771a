package dev.swarmboard.lane.service;

import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.lane.bench.ScriptedRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task lock over a lane's life: renewed while it runs, kept through a graceful stop, released after the grace. */
class LaneLifecycleIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void shouldRenewTheLockOfALaneThatRunsLongerThanTheLock() throws Exception {
        try (LaneTestBed bed = new LaneTestBed("renew", 1)) {
            // Given a 15 s lock and a lane of three 6 s calls
            bed.lockDuration(Duration.ofSeconds(15));
            LaneWorkerService worker = bed.service("w", ScriptedRegistry.write(dir, 6000), 1, dir.resolve("ws"));
            try {
                worker.start();

                // When
                bed.submit(task("m-long", lane("lane-a").build()).build());

                // Then the lane yields in its first delivery: the lock never ran out
                await().atMost(TIMEOUT).until(() -> bed.types("m-long").contains("LaneYielded"));
                assertThat(bed.starts("m-long")).containsExactly("lane-worker/w#1");
            } finally {
                worker.stop();
            }
        }
    }

    @Test
    void shouldLetARunningLaneFinishOnAGracefulStop() {
        try (LaneTestBed bed = new LaneTestBed("finish", 1)) {
            // Given a lane of three 1 s calls under way, and a 30 s grace
            LaneWorkerService worker = bed.service("w", ScriptedRegistry.write(dir, 1000), 1, dir.resolve("ws"),
                    Duration.ofSeconds(30));
            worker.start();
            bed.submit(task("m-finish", lane("lane-a").build()).build());
            await().atMost(TIMEOUT).until(() -> bed.types("m-finish").contains("LaneStarted"));

            // When
            worker.stop();

            // Then the lane had yielded by the time stop returned
            assertThat(bed.types("m-finish")).endsWith("LaneYielded");
        }
    }

    @Test
    void shouldReleaseALaneThatOutlivesTheGraceSoAnotherWorkerCompletesIt() {
        try (LaneTestBed bed = new LaneTestBed("release", 1)) {
            // Given a lane of three 2 s calls under way, and a 1 s grace
            Path registry = ScriptedRegistry.write(dir, 2000);
            LaneWorkerService first = bed.service("first", registry, 1, dir.resolve("ws1"), Duration.ofSeconds(1));
            LaneWorkerService second = bed.service("second", registry, 1, dir.resolve("ws2"));
            try {
                first.start();
                bed.submit(task("m-release", lane("lane-a").build()).build());
                await().atMost(TIMEOUT).until(() -> bed.types("m-release").contains("LaneStarted"));

                // When the first worker stops and a second one starts
                first.stop();
                second.start();

                // Then the released task is delivered again and completes, with no failure recorded
                await().atMost(TIMEOUT).until(() -> bed.types("m-release").contains("LaneYielded"));
                assertThat(bed.starts("m-release")).containsExactly("lane-worker/first#1", "lane-worker/second#2");
                assertThat(bed.types("m-release")).doesNotContain("LaneFailed");
            } finally {
                second.stop();
            }
        }
    }
}
