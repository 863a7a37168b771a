package dev.swarmboard.lane.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.lane.bench.WorkerProcess;
import dev.swarmboard.lane.workspace.WorkspaceLanes;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.Workspace;
import dev.swarmboard.schema.event.ChangeApplied;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.LaneStarted;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.ToolReceipt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lanes that change a real git repository, on the real broker: TDD, a rejected change, two workers, SIGKILL. */
class WorkspaceLaneIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    /** The offline example registry with every scripted call slowed down, so lanes overlap and can be killed. */
    private Path slowRegistry(int latencyMs) throws IOException {
        String script = Files.readString(WorkspaceLanes.EXAMPLES.resolve("scripted/demo.yaml"))
                .replace("    output: |", "    latency_ms: " + latencyMs + "\n    output: |");
        Files.createDirectories(dir.resolve("registry"));
        Files.writeString(dir.resolve("registry/script.yaml"), script);
        String registry = Files.readString(WorkspaceLanes.EXAMPLES.resolve("capabilities/offline.yaml"))
                .replace("../scripted/demo.yaml", "script.yaml");
        Path file = dir.resolve("registry/registry.yaml");
        Files.writeString(file, registry);
        return file;
    }

    private static <T> List<T> payloads(List<BlackboardEvent> events, String laneId, Class<T> type) {
        return events.stream().filter(event -> laneId.equals(event.getHeader().getLaneId()))
                .map(BlackboardEvent::getPayload).filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void shouldRunATddLaneAndARejectedChangeOnTwoWorkersOverOneRepositoryAtOnce() throws Exception {
        try (LaneTestBed bed = new LaneTestBed("workspace", 1)) {
            // Given two workers with their own workspace roots, and the example repository
            Workspace workspace = WorkspaceLanes.textkit(dir.resolve("textkit"));
            Path registry = slowRegistry(300);
            LaneWorkerService one = bed.service("one", registry, 1, dir.resolve("ws-one"));
            LaneWorkerService two = bed.service("two", registry, 1, dir.resolve("ws-two"));
            one.start();
            two.start();
            try {
                await().atMost(TIMEOUT).until(() -> ShareGroupScalingIT.members(bed.group) == 2);

                // When the TDD lane and a lane whose change does not apply are sent together
                bed.submit(WorkspaceLanes.task("m-ws", WorkspaceLanes.tdd(workspace), 1));
                bed.submit(WorkspaceLanes.task("m-ws", WorkspaceLanes.prey("word-docs", workspace), 1));
                await().atMost(TIMEOUT).until(() -> bed.types("m-ws").stream()
                        .filter(type -> type.matches("LaneYielded|LaneFailed")).count() == 2);

                // Then both ran at once on different workers
                List<BlackboardEvent> events = bed.events("m-ws");
                assertThat(events.stream().map(BlackboardEvent::getPayload).filter(LaneStarted.class::isInstance)
                        .map(started -> ((LaneStarted) started).getWorker()).distinct()).hasSize(2);

                // And the TDD lane shows red then green, each test receipt naming the tree it ran on
                List<ChangeApplied> changes = payloads(events, "slug-punctuation", ChangeApplied.class);
                List<ToolReceipt> runs = payloads(events, "slug-punctuation", ToolReceipt.class);
                assertThat(changes).extracting(ChangeApplied::getStage).containsExactly("red", "green");
                assertThat(runs).extracting(ToolReceipt::getTreeId).containsExactly(changes.get(0).getTreeId(),
                        changes.get(1).getTreeId(), changes.get(1).getTreeId());
                assertThat(runs).extracting(ToolReceipt::getExitCode).first().isNotEqualTo(0);
                assertThat(runs.subList(1, 3)).extracting(ToolReceipt::getExitCode).containsOnly(0);
                assertThat(payloads(events, "slug-punctuation", LaneYielded.class)).singleElement()
                        .satisfies(yielded -> assertThat(yielded.getPassed()).isTrue());

                // And the other lane's change is rejected with its reason, nothing applied
                assertThat(payloads(events, "word-docs", ChangeApplied.class)).isEmpty();
                assertThat(payloads(events, "word-docs", LaneFailed.class)).singleElement().satisfies(failed ->
                        assertThat(failed.getReasons().get(0).getCode()).isEqualTo("CHANGE_REJECTED"));
            } finally {
                one.stop();
                two.stop();
            }
        }
    }

    @Test
    void shouldResumeAKilledWorkersTddLaneWithoutApplyingAChangeTwice() throws Exception {
        try (LaneTestBed bed = new LaneTestBed("workspace-crash", 1)) {
            // Given a worker process running the TDD lane slowly, killed once red's change is receipted
            Workspace workspace = WorkspaceLanes.textkit(dir.resolve("textkit"));
            Path registry = slowRegistry(1500);
            Process victim = WorkerProcess.start(bed.environment("victim", registry, 1, dir.resolve("ws-victim")),
                    dir.resolve("victim.log"));
            LaneWorkerService rescuer = bed.service("rescuer", registry, 1, dir.resolve("ws-rescuer"));
            try {
                await().atMost(TIMEOUT).until(() -> ShareGroupScalingIT.members(bed.group) == 1);
                bed.submit(WorkspaceLanes.task("m-crash", WorkspaceLanes.tdd(workspace), 1));
                await().atMost(TIMEOUT).until(() -> bed.types("m-crash").contains("ChangeApplied"));
                victim.destroyForcibly().waitFor();

                // When another worker gets the task again
                rescuer.start();
                await().atMost(TIMEOUT).until(() -> bed.types("m-crash").contains("LaneYielded"));

                // Then red's change is receipted once (ids unique), green follows on its tree, and the lane passes
                List<BlackboardEvent> events = bed.events("m-crash");
                List<String> changeIds = events.stream().filter(event -> event.getPayload() instanceof ChangeApplied)
                        .map(event -> event.getHeader().getEventId()).toList();
                assertThat(changeIds).doesNotHaveDuplicates().hasSize(2);
                assertThat(bed.starts("m-crash")).containsExactly("lane-worker/victim#1", "lane-worker/rescuer#2");
                List<ChangeApplied> changes = payloads(events, "slug-punctuation", ChangeApplied.class);
                assertThat(changes.get(1).getParentTreeId()).isEqualTo(changes.get(0).getTreeId());
                assertThat(payloads(events, "slug-punctuation", LaneYielded.class)).singleElement()
                        .satisfies(yielded -> assertThat(yielded.getPassed()).isTrue());
            } finally {
                victim.destroyForcibly();
                rescuer.stop();
            }
        }
    }
}
