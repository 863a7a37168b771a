package dev.swarmboard.cli;

/** Exit codes of the mission commands, documented in docs/operations.md (Recovery and exit codes). */
final class ExitCodes {

    /** The command took effect, or the mission completed. */
    static final int OK = 0;
    /** The mission failed or was cancelled, or the orchestrator refused the command. */
    static final int FAILED = 1;
    /** The mission or the command was rejected as invalid. */
    static final int REJECTED = 2;
    /** No outcome, or no answer from the orchestrator, within the time given: nothing is known to have failed. */
    static final int TIMED_OUT = 4;

    private ExitCodes() {
    }
}
