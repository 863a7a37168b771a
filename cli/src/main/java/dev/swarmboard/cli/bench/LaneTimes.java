package dev.swarmboard.cli.bench;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EventHeader;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.LaneStarted;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.ToolReceipt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the lane worker adds around model calls, folded from lane receipts in log order (each event
 * once). Stage overhead: for each StageCompleted, its {@code occurredAt} minus the {@code occurredAt}
 * of the previous receipt of the same lane attempt (LaneStarted, StageCompleted or ToolReceipt),
 * minus the receipt's own {@code latencyMs}. Lane duration: LaneStarted to LaneYielded of an attempt.
 */
final class LaneTimes {

    private final Map<String, Long> startedAtMs = new HashMap<>();
    private final Map<String, Long> lastReceiptAtMs = new HashMap<>();
    private final Map<String, List<Long>> overheadByStage = new LinkedHashMap<>();
    private final List<Long> laneDurationsMs = new ArrayList<>();

    void observe(BlackboardEvent event) {
        EventHeader header = event.getHeader();
        String attempt = header.getMissionId() + "/" + header.getLaneId() + "/" + header.getAttempt();
        long at = header.getOccurredAt().toEpochMilli();
        Object payload = event.getPayload();
        if (payload instanceof LaneStarted) {
            startedAtMs.put(attempt, at);
            lastReceiptAtMs.put(attempt, at);
        } else if (payload instanceof StageCompleted stage) {
            Long previous = lastReceiptAtMs.put(attempt, at);
            if (previous != null) {
                overheadByStage.computeIfAbsent(stage.getStage(), name -> new ArrayList<>())
                        .add(at - previous - stage.getLatencyMs());
            }
        } else if (payload instanceof ToolReceipt) {
            lastReceiptAtMs.computeIfPresent(attempt, (key, previous) -> at);
        } else if (payload instanceof LaneYielded || payload instanceof LaneFailed) {
            Long started = startedAtMs.remove(attempt);
            lastReceiptAtMs.remove(attempt);
            if (started != null && payload instanceof LaneYielded) {
                laneDurationsMs.add(at - started);
            }
        }
    }

    /** Overhead samples of every stage, in milliseconds. */
    List<Long> stageOverheadMs() {
        return overheadByStage.values().stream().flatMap(List::stream).toList();
    }

    /** Overhead samples per stage name, stages in the order first seen. */
    Map<String, List<Long>> stageOverheadByStageMs() {
        Map<String, List<Long>> copy = new LinkedHashMap<>();
        overheadByStage.forEach((stage, samples) -> copy.put(stage, List.copyOf(samples)));
        return copy;
    }

    List<Long> laneDurationsMs() {
        return List.copyOf(laneDurationsMs);
    }
}
