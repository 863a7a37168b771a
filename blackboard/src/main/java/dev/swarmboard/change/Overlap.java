package dev.swarmboard.change;

/**
 * Two lanes changing overlapping base lines of one file: the fact the disruptor votes on and the
 * integration step reports as a conflict. {@code firstLane} comes earlier in plan order.
 */
public record Overlap(String path, String firstLane, LineRange firstLines, String secondLane,
                      LineRange secondLines) {

    /** {@code lanes a and b both change src/x.py (a: lines 3-5, b: line 4)}. */
    public String describe() {
        return "lanes " + firstLane + " and " + secondLane + " both change " + path + " (" + firstLane + ": "
                + firstLines + ", " + secondLane + ": " + secondLines + ")";
    }
}
