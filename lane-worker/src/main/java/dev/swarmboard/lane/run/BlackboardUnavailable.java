package dev.swarmboard.lane.run;

/**
 * The blackboard could not be read or written. Nothing about the lane is decided by it: the task is
 * released for another delivery.
 */
public class BlackboardUnavailable extends RuntimeException {

    public BlackboardUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
