package dev.swarmboard.cli.bench;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.orchestrator.mission.MissionFile;
import dev.swarmboard.orchestrator.mission.MissionFiles;
import dev.swarmboard.orchestrator.validation.MissionValidator;
import dev.swarmboard.orchestrator.workflow.WorkflowCatalogue;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.StageCompleted;
import java.nio.file.Path;
import java.time.Instant;

/** The shipped bench files, and events re-timed for the timing folds. */
final class BenchFixtures {

    static final Path BENCH = Path.of("..", "examples", "bench").toAbsolutePath().normalize();

    private BenchFixtures() {
    }

    /** The bench mission checked against the bench registry and workflows, as {@code swarm bench e2e} does. */
    static MissionFile checkedMission() {
        MissionValidator validator = new MissionValidator(CapabilityRegistry.load(BENCH.resolve("capabilities.yaml")),
                WorkflowCatalogue.load(BENCH.resolve("workflows")));
        return MissionFiles.check(BENCH.resolve("mission.yaml"), validator, Instant.now());
    }

    /** The event, now occurring at {@code ms} after the epoch. */
    static BlackboardEvent at(BlackboardEvent event, long ms) {
        event.getHeader().setOccurredAt(Instant.ofEpochMilli(ms));
        return event;
    }

    /** The stage receipt, now occurring at {@code ms} and reporting a model latency of {@code latencyMs}. */
    static BlackboardEvent stageAt(BlackboardEvent receipt, long ms, long latencyMs) {
        ((StageCompleted) receipt.getPayload()).setLatencyMs(latencyMs);
        return at(receipt, ms);
    }
}
