package dev.swarmboard.verifier.quorum;

/** What a validator needs from one {@code ToolReceipt}: which lane attempt ran which tool, and how it ended. */
public record ToolUse(String eventId, String laneId, int attempt, String tool, int exitCode, boolean timedOut,
                      boolean testsTool) {

    /** A test run that exited 0 in time: the only evidence that tests are green. */
    public boolean green() {
        return testsTool && exitCode == 0 && !timedOut;
    }

    public boolean of(String lane, int laneAttempt) {
        return lane.equals(laneId) && attempt == laneAttempt;
    }
}
