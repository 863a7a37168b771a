package dev.swarmboard.console.view;

/** One tool run of a lane attempt: its stage, exit code and (capped) output. */
public record ToolView(String stage, String tool, int exitCode, boolean timedOut, long durationMs, String output) {
}
