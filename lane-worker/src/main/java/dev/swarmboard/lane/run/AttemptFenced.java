package dev.swarmboard.lane.run;

/**
 * A later delivery of the same lane attempt has opened the blackboard, so this delivery may write
 * nothing more: its worker lost the task's lock (crashed, frozen or cut off) and another worker owns the
 * attempt now. The lane ends here without an outcome of its own.
 */
public final class AttemptFenced extends BlackboardUnavailable {

    public AttemptFenced(String message, Throwable cause) {
        super(message, cause);
    }
}
