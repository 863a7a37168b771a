package dev.swarmboard.lane.run;

/**
 * The blackboard as one delivery of one lane attempt sees it: reads as usual, writes only while no later
 * delivery of the same attempt has opened its own. Closing it releases the delivery's writer.
 */
public interface AttemptBlackboard extends BlackboardAccess, AutoCloseable {

    @Override
    void close();
}
