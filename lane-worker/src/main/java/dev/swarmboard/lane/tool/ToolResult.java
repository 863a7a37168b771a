package dev.swarmboard.lane.tool;

import java.util.Objects;

/**
 * A finished tool run: exit code, wall time, whether it overran its timeout (killed, or its output
 * still held open by a process it left behind), the combined stdout and stderr capped at the tool's
 * byte limit (cut at a UTF-8 character boundary), and the SHA-256 (hex) of the full output, before the cap.
 */
public record ToolResult(
        int exitCode,
        long durationMs,
        boolean timedOut,
        String output,
        boolean truncated,
        String outputHash) implements ToolOutcome {

    public ToolResult {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(outputHash, "outputHash");
    }
}
