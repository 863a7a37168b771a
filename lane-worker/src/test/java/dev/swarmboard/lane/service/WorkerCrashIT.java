package dev.swarmboard.lane.service;

import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.lane.bench.ScriptedRegistry;
import dev.swarmboard.lane.bench.WorkerProcess;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.StageCompleted;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerCrashIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void shouldCompleteALaneOnAnotherWorkerAfterSigkillWithOneYieldCounting() throws Exception {
        try (LaneTestBed bed = new LaneTestBed("crash", 1)) {
            // Given a worker process running a slow lane (1.5 s per model call), killed after its first stage
            Path registry = ScriptedRegistry.write(dir.resolve("registry"), 1500);
            Process victim = WorkerProcess.start(bed.environment("victim", registry, 1, dir.resolve("ws-victim")),
                    dir.resolve("victim.log"));
            LaneWorkerService rescuer = bed.service("rescuer", registry, 1, dir.resolve("ws-rescuer"));
            try {
                await().atMost(TIMEOUT).until(() -> ShareGroupScalingIT.members(bed.group) == 1);
                bed.submit(task("m-crash", lane("lane-a").build()).build());
                await().atMost(TIMEOUT).until(() -> bed.types("m-crash").contains("StageCompleted"));
                victim.destroyForcibly().waitFor();

                // When another worker joins
                rescuer.start();

                // Then the lane completes there, resuming after the stage the victim finished
                await().atMost(TIMEOUT).until(() -> bed.types("m-crash").contains("LaneYielded"));
                List<BlackboardEvent> events = bed.events("m-crash");
                assertThat(bed.starts("m-crash")).containsExactly("lane-worker/victim#1", "lane-worker/rescuer#2");
                Map<String, Long> receiptsPerStage = events.stream()
                        .filter(event -> event.getPayload() instanceof StageCompleted)
                        .collect(Collectors.groupingBy(event -> ((StageCompleted) event.getPayload()).getStage(),
                                Collectors.counting()));
                assertThat(receiptsPerStage).containsEntry("perceive", 1L).containsKeys("react", "engage");
                List<BlackboardEvent> terminals = events.stream().filter(event -> event.getHeader().getType()
                        .matches("LaneYielded|LaneFailed")).toList();
                assertThat(terminals).extracting(event -> event.getHeader().getEventId()).containsOnly(
                        terminals.get(0).getHeader().getEventId());
                assertThat(terminals.get(0).getHeader().getType()).isEqualTo("LaneYielded");
            } finally {
                victim.destroyForcibly();
                rescuer.stop();
            }
        }
    }
}
