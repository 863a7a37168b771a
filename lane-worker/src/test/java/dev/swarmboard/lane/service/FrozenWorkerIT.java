package dev.swarmboard.lane.service;

import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.lane.bench.ScriptedRegistry;
import dev.swarmboard.schema.event.StageCompleted;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lane-worker JVM frozen with SIGSTOP past its task's lock while another worker re-runs and finishes
 * the attempt: resumed with SIGCONT, the frozen worker is fenced and writes nothing, so the attempt has
 * one copy of every event (what replay requires of a passed mission).
 */
class FrozenWorkerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String MISSION = "m-frozen";
    /** How LaneSlot logs the end of the frozen worker's lane, whatever the end was. */
    private static final Pattern LANE_ENDED = Pattern.compile("\\(delivery 1\\) (ended|accept|release|reject)");

    @TempDir
    Path dir;

    @Test
    void shouldWriteNoConflictingCopyWhenAFrozenWorkerWakesAfterAnotherFinishedItsAttempt() throws Exception {
        Path registry = ScriptedRegistry.write(dir.resolve("registry"), 3000);
        try (LaneTestBed bed = new LaneTestBed("frozen", 1); WorkerFleet fleet = new WorkerFleet(bed, registry, dir)) {
            // Given the shortest lock the broker allows, and a worker frozen in the middle of its lane's engage call
            bed.lockDuration(Duration.ofSeconds(15));
            fleet.start("frozen", 1);
            await().atMost(TIMEOUT).until(() -> ShareGroupScalingIT.members(bed.group) == 1);
            bed.submit(task(MISSION, lane("lane-a").setTools(List.of("unit-tests")).build()).build());
            await().atMost(TIMEOUT).until(() -> stagesCompleted(bed) == 2);
            fleet.freeze("frozen");
            LaneWorkerService rescuer = bed.service("rescuer", registry, 1, dir.resolve("ws-rescuer"));
            try {
                // When its lock expires, another worker finishes the attempt, and the frozen one wakes
                rescuer.start();
                await().atMost(TIMEOUT).until(() -> bed.types(MISSION).contains("LaneYielded"));
                fleet.resume("frozen");
                await().atMost(TIMEOUT).until(() -> LANE_ENDED.matcher(fleet.logText("frozen")).find());

                // Then the woken worker was superseded and wrote nothing: one copy of every event, the rescuer's outcome
                assertThat(bed.conflictingCopies(MISSION)).isEmpty();
                assertThat(fleet.logText("frozen")).contains("delivery 1 superseded");
                assertThat(bed.starts(MISSION)).containsExactly("lane-worker/frozen#1", "lane-worker/rescuer#2");
                assertThat(bed.terminals(MISSION)).singleElement().satisfies(yielded ->
                        assertThat(yielded.getHeader().getProducer()).isEqualTo("lane-worker/rescuer"));
                assertThat(bed.types(MISSION).stream().filter(type -> type.equals("ToolReceipt"))).hasSize(1);
                assertThat(stagesCompleted(bed)).isEqualTo(3);
            } finally {
                rescuer.stop();
            }
        }
    }

    private static long stagesCompleted(LaneTestBed bed) {
        return bed.events(MISSION).stream().filter(event -> event.getPayload() instanceof StageCompleted).count();
    }
}
