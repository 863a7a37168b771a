package dev.swarmboard.lane.run;

import dev.swarmboard.schema.RunLane;

/**
 * Opens the blackboard for one delivery of a lane attempt. Opening fences every earlier delivery of the
 * attempt: from then on their writes fail with {@link AttemptFenced}, and everything they wrote before
 * is readable. Failures are {@link BlackboardUnavailable}.
 */
@FunctionalInterface
public interface AttemptBlackboards {

    AttemptBlackboard open(RunLane task, int deliveryCount);
}
