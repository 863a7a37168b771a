package dev.swarmboard.cli;

/** A followed mission did not finish in the time given: exit {@link ExitCodes#TIMED_OUT}, not a failure. */
final class MissionTimeout extends RuntimeException {

    MissionTimeout(String message) {
        super(message);
    }
}
