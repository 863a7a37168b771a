package dev.swarmboard.lane.run;

import org.apache.kafka.clients.consumer.AcknowledgeType;

/**
 * How a lane task ended and so how its record is acknowledged. ACCEPT: the attempt's outcome
 * (LaneYielded or LaneFailed) is on the blackboard. REJECT: the task itself cannot run (undecodable, or
 * naming a model, tool or id this worker must refuse); a LaneFailed or dead letter says why. RELEASE:
 * nothing was decided (the blackboard was unreachable, or the worker is shutting down); deliver again.
 */
public record LaneOutcome(AcknowledgeType acknowledgement, String summary) {

    public static LaneOutcome accept(String summary) {
        return new LaneOutcome(AcknowledgeType.ACCEPT, summary);
    }

    public static LaneOutcome reject(String summary) {
        return new LaneOutcome(AcknowledgeType.REJECT, summary);
    }

    public static LaneOutcome release(String summary) {
        return new LaneOutcome(AcknowledgeType.RELEASE, summary);
    }
}
