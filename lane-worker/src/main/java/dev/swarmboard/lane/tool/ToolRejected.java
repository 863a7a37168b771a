package dev.swarmboard.lane.tool;

import java.util.Objects;

/** A tool run refused before any process started, with the reason (naming the argument at fault). */
public record ToolRejected(String tool, String reason) implements ToolOutcome {

    public ToolRejected {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(reason, "reason");
    }
}
