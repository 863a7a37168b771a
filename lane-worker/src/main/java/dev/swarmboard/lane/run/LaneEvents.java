package dev.swarmboard.lane.run;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.RunLane;
import java.time.Clock;
import org.apache.avro.specific.SpecificRecord;

/**
 * The envelopes of one lane attempt, each with a deterministic id: {@code Events.deterministicId(mission,
 * lane, attempt, type, stage, kind, index)}. A second worker resuming the attempt derives the same ids,
 * so it finds the receipts already written and any copy it writes in a race is a recognisable duplicate.
 * LaneYielded and LaneFailed share one terminal id, so exactly one outcome counts per attempt.
 */
public final class LaneEvents {

    /** The type part of the one terminal id of an attempt. */
    static final String TERMINAL = "LaneTerminal";

    private final RunLane task;
    private final EventOrigin origin;
    private final Clock clock;

    public LaneEvents(RunLane task, String producer, Clock clock) {
        this(task, producer, clock, task.getTraceparent());
    }

    /** Envelopes that carry {@code traceparent} (the lane's span) rather than the task's. */
    public LaneEvents(RunLane task, String producer, Clock clock, String traceparent) {
        this.task = task;
        this.origin = new EventOrigin(task.getMissionId(), task.getLane().getLaneId(), task.getAttempt(), producer,
                task.getTaskId(), traceparent);
        this.clock = clock;
    }

    /** The traceparent every envelope of this attempt carries: the parent of the attempt's stage spans. */
    public String traceparent() {
        return origin.traceparent();
    }

    public String id(String type, String stage, String kind, int index) {
        return Events.deterministicId(task.getMissionId(), task.getLane().getLaneId(),
                Integer.toString(task.getAttempt()), type, stage, kind, Integer.toString(index));
    }

    public String terminalId() {
        return id(TERMINAL, "", "", 0);
    }

    /** An envelope of the attempt with the given id. */
    public BlackboardEvent event(String id, SpecificRecord payload) {
        return Events.create(id, origin, payload, clock.instant());
    }

    /** An envelope whose id is derived from its payload type and the step it records. */
    public BlackboardEvent event(SpecificRecord payload, String stage, String kind, int index) {
        return event(id(Events.typeOf(payload), stage, kind, index), payload);
    }

    /** The attempt's LaneYielded or LaneFailed, under the terminal id. */
    public BlackboardEvent terminal(SpecificRecord outcome) {
        return event(terminalId(), outcome);
    }
}
