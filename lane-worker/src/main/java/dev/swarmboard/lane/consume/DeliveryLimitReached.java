package dev.swarmboard.lane.consume;

/**
 * Why a task's last allowed delivery recorded a failure instead of running the lane: every earlier
 * delivery ended without an outcome (its worker crashed, was stopped, or lost the task's lock). The
 * dead letter of such a task carries this as its error.
 */
public final class DeliveryLimitReached extends RuntimeException {

    public DeliveryLimitReached(String message) {
        super(message);
    }
}
