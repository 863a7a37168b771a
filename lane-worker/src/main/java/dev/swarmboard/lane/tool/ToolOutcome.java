package dev.swarmboard.lane.tool;

/** What asking for a tool run came to: a {@link ToolResult} when a process ran, a {@link ToolRejected} when none did. */
public sealed interface ToolOutcome permits ToolResult, ToolRejected {
}
